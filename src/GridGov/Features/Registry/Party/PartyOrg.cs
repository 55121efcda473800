using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Registry.Party;

// 党组织 levels as the 中国共产党支部工作条例 names them: 党委, 党总支, 党支部, and the 网格党小组 a
// grid-based party building sets up under a branch.
public enum PartyOrgKind { Committee, GeneralBranch, Branch, Group }

// A party organisation: a community's 党委 or 党支部, a 非公 enterprise's branch (UnitId), a grid's
// 党小组. Its grid code places it: a community-level organisation carries the community's code with
// grid serial 000 (DESIGN.md §4).
public class PartyOrg : RegistryRecord
{
    public string Name { get; set; } = "";
    public PartyOrgKind Kind { get; set; }
    public long? ParentId { get; set; }
    public long? UnitId { get; set; }
    public long? SecretaryId { get; set; }
    public string? SecretaryName { get; set; }
    public DateOnly? FoundedOn { get; set; }
}

// 正式党员 / 预备党员.
public enum PartyMemberStatus { Full, Probationary }

// A party member: a person in the registry, the organisation that holds their membership, and how
// they take part in grid work — 在职党员 reporting to the community where they live (双报到), 流动党员.
public class PartyMember : RegistryRecord
{
    public long PersonId { get; set; }
    public long PartyOrgId { get; set; }
    public PartyMemberStatus Status { get; set; }
    public DateOnly? JoinedOn { get; set; }
    public bool Mobile { get; set; }
    public bool ReportedToCommunity { get; set; }
    public string? Duty { get; set; }
    // Why the membership was removed (已迁出/注销): the record stays for history.
    public string? RemovalReason { get; set; }
}

sealed class PartyOrgConfiguration : IEntityTypeConfiguration<PartyOrg>
{
    public void Configure(EntityTypeBuilder<PartyOrg> b)
    {
        b.ToTable("PartyOrgs");
        b.ConfigureRecord();
        b.Property(o => o.Name).HasMaxLength(100);
        b.Property(o => o.SecretaryName).HasMaxLength(50);
        b.HasIndex(o => o.ParentId);
        b.HasIndex(o => o.UnitId);
    }
}

sealed class PartyMemberConfiguration : IEntityTypeConfiguration<PartyMember>
{
    public void Configure(EntityTypeBuilder<PartyMember> b)
    {
        b.ToTable("PartyMembers");
        b.ConfigureRecord();
        b.Property(m => m.Duty).HasMaxLength(50);
        b.Property(m => m.RemovalReason).HasMaxLength(PartyMembers.MaxReason);
        b.HasIndex(m => m.PersonId).IsUnique();
        b.HasIndex(m => new { m.PartyOrgId, m.Status });
    }
}
