using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Registry.Components;

// 部件 state in GB/T 30428's 部件普查: 完好, 损坏, 丢失, 占用; 废弃 when it is taken out of service.
public enum ComponentState { Intact, Damaged, Missing, Occupied, Retired }

// A city component (部件: a manhole cover, a street lamp, a bin …): its class from the category
// dictionary's GB/T 30428.2 component classes (C0101 上水井盖), an object code, a point and its grid,
// its state and who maintains it (a department, or a named owner outside the government).
public class Component : RegistryRecord
{
    // GB/T 30428.2 object code style: class (4 digits) + grid serial; unique city-wide.
    public string Code { get; set; } = "";
    public string ClassCode { get; set; } = "";
    public string? Name { get; set; }
    public ComponentState Condition { get; set; }
    public long? DepartmentId { get; set; }
    public string? OwnerName { get; set; }
    public double? Lon { get; set; }
    public double? Lat { get; set; }
    public string? Location { get; set; }
    public DateOnly? InstalledOn { get; set; }
    public DateOnly? CheckedOn { get; set; }
}

sealed class ComponentConfiguration : IEntityTypeConfiguration<Component>
{
    public void Configure(EntityTypeBuilder<Component> b)
    {
        b.ToTable("Components");
        b.ConfigureRecord(gridIndex: false);
        b.Property(c => c.Code).HasMaxLength(30);
        b.Property(c => c.ClassCode).HasMaxLength(8);
        b.Property(c => c.Name).HasMaxLength(60);
        b.Property(c => c.OwnerName).HasMaxLength(100);
        b.Property(c => c.Location).HasMaxLength(200);
        b.HasIndex(c => c.Code).IsUnique();
        b.HasIndex(c => new { c.GridCode, c.ClassCode });
        b.HasIndex(c => new { c.Condition, c.GridCode });
        b.HasIndex(c => c.DepartmentId);
    }
}
