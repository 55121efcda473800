using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Registry.Party;

// What a member did: 志愿服务, 组织生活, 协助网格工作 (巡查、走访、宣传) and the like.
public enum PartyActivityKind { Volunteer, Meeting, GridWork, Other }

// A party member's participation in grid work (党员参与网格治理), recorded by the grid worker or the
// community: what, when, how many hours.
public class PartyActivity : IGridScoped
{
    public long Id { get; set; }
    public long GridCode { get; set; }
    public long PartyMemberId { get; set; }
    public long PersonId { get; set; }
    public PartyActivityKind Kind { get; set; }
    public string Title { get; set; } = "";
    public DateOnly On { get; set; }
    public decimal Hours { get; set; }
    public long RecordedById { get; set; }
    public string RecordedByName { get; set; } = "";
    public DateTime RecordedAt { get; set; }
}

sealed class PartyActivityConfiguration : IEntityTypeConfiguration<PartyActivity>
{
    public void Configure(EntityTypeBuilder<PartyActivity> b)
    {
        b.ToTable("PartyActivities");
        b.Property(a => a.Title).HasMaxLength(200);
        b.Property(a => a.RecordedByName).HasMaxLength(50);
        b.Property(a => a.Hours).HasPrecision(6, 1);
        b.HasIndex(a => new { a.PartyMemberId, a.On });
        b.HasIndex(a => new { a.GridCode, a.On });
    }
}
