using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Registry.Focus;

// 走访记录: one visit to a focus subject — when, where (GPS), what was found, the risk before and
// after, photos. A visit to a special subject is as restricted as the subject (same filter rule).
public class FocusVisit : IGridScoped
{
    public long Id { get; set; }
    public long FocusSubjectId { get; set; }
    public long GridCode { get; set; }
    public bool Special { get; set; }
    public DateTime VisitedAt { get; set; }
    public long VisitorId { get; set; }
    public string VisitorName { get; set; } = "";
    public double? Lon { get; set; }
    public double? Lat { get; set; }
    public string Findings { get; set; } = "";
    public RiskLevel RiskBefore { get; set; }
    public RiskLevel RiskAfter { get; set; }
    // Photo hashes of the file store, comma-separated.
    public string? Photos { get; set; }
}

sealed class FocusVisitConfiguration : IEntityTypeConfiguration<FocusVisit>
{
    public void Configure(EntityTypeBuilder<FocusVisit> b)
    {
        b.ToTable("FocusVisits");
        b.HasDataScope(s => s.And((v, db) => !v.Special || db.ScopeSeesRestricted));
        b.Property(v => v.VisitorName).HasMaxLength(50);
        b.Property(v => v.Findings).HasMaxLength(2000);
        b.Property(v => v.Photos).HasMaxLength(1000);
        b.HasIndex(v => new { v.FocusSubjectId, v.VisitedAt });
        b.HasIndex(v => new { v.GridCode, v.VisitedAt });
    }
}
