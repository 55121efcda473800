using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Organization;

// A functional department (职能部门: 城管, 公安, 民政 …) at city, district or street level; tickets are
// dispatched to departments and department staff belong to one.
public class Department : IGridScoped
{
    public long Id { get; set; }
    public required string Name { get; set; }
    // The kind of department across levels (城管, 公安 …), for dispatch rules and statistics.
    public required string Kind { get; set; }
    public long OrgUnitCode { get; set; }
    // The unit's code padded to 15 digits: departments are in the scope of their unit's users.
    public long GridCode { get; set; }
}

sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.ToTable("Departments");
        b.Property(d => d.Name).HasMaxLength(100);
        b.Property(d => d.Kind).HasMaxLength(20);
        b.HasIndex(d => d.GridCode);
        b.HasIndex(d => new { d.OrgUnitCode, d.Name }).IsUnique();
    }
}

public sealed record DepartmentDto(long Id, string Name, string Kind, long OrgUnitCode, string? OrgUnitName);
