using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Organization;

// A node of the city tree: city, district, street, community or grid, keyed by its division code.
public class OrgUnit : IGridScoped
{
    public long Code { get; set; }
    public required string Name { get; set; }
    public OrgLevel Level { get; set; }
    public long? ParentCode { get; set; }

    // The code padded to 15 digits: the unit's place in the data-scope ranges.
    public long GridCode { get; set; }

    // Boundary as GeoJSON geometry (WGS84). Streets, communities and grids are generated.
    public string? Boundary { get; set; }
    public bool BoundaryGenerated { get; set; }
    public double LabelLon { get; set; }
    public double LabelLat { get; set; }
    public double AreaKm2 { get; set; }
}

sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> b)
    {
        b.ToTable("OrgUnits");
        b.HasKey(u => u.Code);
        b.Property(u => u.Code).ValueGeneratedNever();
        b.Property(u => u.Name).HasMaxLength(100);
        b.HasIndex(u => u.GridCode);
        b.HasIndex(u => u.ParentCode);
    }
}
