using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Identity;

// A staff account. It belongs to one org unit; what it sees is its data scope (DESIGN.md §4).
public class AppUser : IdentityUser<long>, IGridScoped
{
    public string DisplayName { get; set; } = "";
    public long OrgUnitCode { get; set; }
    // Staff of a functional department (职能部门) belong to one, at their unit.
    public long? DepartmentId { get; set; }
    // The unit's code padded to 15 digits: where the account itself sits in others' data scopes.
    public long GridCode { get; set; }
    public DataScopeKind DataScope { get; set; } = DataScopeKind.UnitAndBelow;
    // Unit codes of a custom scope, comma-separated.
    public string? CustomScopeUnits { get; set; }
    public bool Disabled { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastLoginAt { get; set; }
}

public class AppRole : IdentityRole<long>
{
    public string DisplayName { get; set; } = "";
    public string Description { get; set; } = "";
    public bool BuiltIn { get; set; }
}

sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(50);
        b.Property(u => u.CustomScopeUnits).HasMaxLength(2000);
        b.HasIndex(u => u.GridCode);
        // "Self only" sees its own account.
        b.HasDataScope(s => s.OwnedBy(u => u.Id));
    }
}

sealed class AppRoleConfiguration : IEntityTypeConfiguration<AppRole>
{
    public void Configure(EntityTypeBuilder<AppRole> b)
    {
        b.Property(r => r.DisplayName).HasMaxLength(50);
        b.Property(r => r.Description).HasMaxLength(200);
    }
}
