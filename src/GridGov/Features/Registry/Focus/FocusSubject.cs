using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Registry.Focus;

// 危害程度 / risk (GB/T 31000 5.60: 01 高, 02 中, 03 低).
public enum RiskLevel { High, Medium, Low }

// 重点关注对象: a person the community looks after or watches, in one focus kind (a person class key
// of PersonClasses: T17 刑满释放 … T22 重点青少年, X01 信访 …), with a risk level, how often a grid worker
// must visit, who is responsible, and when the last visit was and the next is due. The class's own
// standard fields stay on the person's class record; this is the work of looking after them. Special
// kinds are listed only with registry.special, by the one filter.
public class FocusSubject : RegistryRecord
{
    public long PersonId { get; set; }
    public string Kind { get; set; } = "";
    public bool Special { get; set; }
    public RiskLevel Risk { get; set; }
    public int VisitEveryDays { get; set; }
    public long? ResponsibleId { get; set; }
    public string? ResponsibleName { get; set; }
    public DateTime? LastVisitAt { get; set; }
    public DateOnly NextVisitDue { get; set; }
    public string? Note { get; set; }
    // Set when the person no longer needs watching (moved, sentence ended, died): kept for history.
    public DateOnly? ClosedOn { get; set; }

    // Visit frequencies the local rules of 重点人员 management use by risk: weekly for high,
    // fortnightly for medium, monthly for low.
    public static int DefaultVisitDays(RiskLevel risk) => risk switch { RiskLevel.High => 7, RiskLevel.Medium => 14, _ => 30 };
}

sealed class FocusSubjectConfiguration : IEntityTypeConfiguration<FocusSubject>
{
    public void Configure(EntityTypeBuilder<FocusSubject> b)
    {
        b.ToTable("FocusSubjects");
        b.ConfigureRecord();
        b.HasDataScope(s => s.And((f, db) => !f.Special || db.ScopeSeesRestricted));
        b.Property(f => f.Kind).HasMaxLength(8);
        b.Property(f => f.ResponsibleName).HasMaxLength(50);
        b.Property(f => f.Note).HasMaxLength(500);
        b.HasIndex(f => new { f.PersonId, f.Kind }).IsUnique();
        b.HasIndex(f => new { f.NextVisitDue, f.GridCode });
        b.HasIndex(f => new { f.ResponsibleId, f.NextVisitDue });
        b.HasIndex(f => new { f.Kind, f.GridCode });
    }
}
