using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Analytics.Warnings;

// 待处置 / 已确认 / 已转督办 / 已转工单 / 已忽略.
public enum WarningState { Open, Acknowledged, Supervised, Ticketed, Ignored }

public enum WarningAction { Raise, Acknowledge, Ignore, Supervise, ToTicket }

// A raised warning. It lies in the area it is about (a community, a street, a department's unit, the
// smallest unit holding a cluster), padded into GridCode: the data scope shows it to that area's
// command centre and above, and answers 404 elsewhere. EvidenceKey is unique: the same evidence never
// raises a second warning, whichever node or minute evaluates it (EvidenceKeys).
public class Warning : IGridScoped
{
    public long Id { get; set; }
    public long RuleId { get; set; }
    // The rule's name and kind when it fired: a rule edited later does not rewrite its history.
    public required string RuleName { get; set; }
    public WarningKind Kind { get; set; }
    public long AreaCode { get; set; }
    public long GridCode { get; set; }
    public required string AreaName { get; set; }
    public required string Title { get; set; }
    public required string Summary { get; set; }
    public DateTime RaisedAt { get; set; }
    public WarningState State { get; set; }
    public long? HandledById { get; set; }
    public string? HandledByName { get; set; }
    public DateTime? HandledAt { get; set; }
    public string? HandledNote { get; set; }
    // 转工单: the ticket made from the warning.
    public long? TicketId { get; set; }
    // Deadline wave: the department whose tickets are about to go overdue.
    public long? DepartmentId { get; set; }
    public required string EvidenceKey { get; set; }
    public int EvidenceCount { get; set; }
    // Spike: the daily counts with their baseline and threshold as the evaluator saw them (JSON, SpikeSeries).
    public string? Series { get; set; }
    public int Version { get; set; }

    public const int SummaryMax = 1000;
    public static readonly WarningState[] Pending = [WarningState.Open, WarningState.Acknowledged];
}

// The tickets a warning rests on. A ticket is evidence of at most one warning of a rule (unique).
public class WarningEvidence
{
    public long Id { get; set; }
    public long WarningId { get; set; }
    public long RuleId { get; set; }
    public long TicketId { get; set; }
}

// One row of a warning's history: raised, then each handling with who, when and the note.
public class WarningEvent
{
    public long Id { get; set; }
    public long WarningId { get; set; }
    public DateTime At { get; set; }
    public long? ActorId { get; set; }
    public required string ActorName { get; set; }
    public WarningAction Action { get; set; }
    public WarningState From { get; set; }
    public WarningState To { get; set; }
    public string? Note { get; set; }
}

sealed class WarningConfiguration : IEntityTypeConfiguration<Warning>
{
    public void Configure(EntityTypeBuilder<Warning> b)
    {
        b.ToTable("Warnings");
        b.Property(w => w.RuleName).HasMaxLength(50);
        b.Property(w => w.AreaName).HasMaxLength(100);
        b.Property(w => w.Title).HasMaxLength(200);
        b.Property(w => w.Summary).HasMaxLength(Warning.SummaryMax);
        b.Property(w => w.HandledByName).HasMaxLength(100);
        b.Property(w => w.HandledNote).HasMaxLength(500);
        b.Property(w => w.EvidenceKey).HasMaxLength(64);
        b.Property(w => w.Series).HasMaxLength(4000);
        b.Property(w => w.Version).IsConcurrencyToken();
        b.HasIndex(w => w.EvidenceKey).IsUnique();
        // The list, newest first within an area; the per-day chart by time.
        b.HasIndex(w => new { w.GridCode, w.RaisedAt });
        b.HasIndex(w => w.RaisedAt);
        // A rule that has raised warnings cannot be deleted (DeleteWarningRule): its history stays readable.
        b.HasOne<WarningRule>().WithMany().HasForeignKey(w => w.RuleId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class WarningEvidenceConfiguration : IEntityTypeConfiguration<WarningEvidence>
{
    public void Configure(EntityTypeBuilder<WarningEvidence> b)
    {
        b.ToTable("WarningEvidence");
        b.HasOne<Warning>().WithMany().HasForeignKey(e => e.WarningId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => e.WarningId);
        b.HasIndex(e => new { e.RuleId, e.TicketId }).IsUnique();
        // Seen exactly when its warning is.
        b.HasDataScope((e, db) => db.Set<Warning>().Any(w => w.Id == e.WarningId));
    }
}

sealed class WarningEventConfiguration : IEntityTypeConfiguration<WarningEvent>
{
    public void Configure(EntityTypeBuilder<WarningEvent> b)
    {
        b.ToTable("WarningEvents");
        b.Property(e => e.ActorName).HasMaxLength(100);
        b.Property(e => e.Note).HasMaxLength(Warning.SummaryMax);
        b.HasOne<Warning>().WithMany().HasForeignKey(e => e.WarningId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => e.WarningId);
        b.HasDataScope((e, db) => db.Set<Warning>().Any(w => w.Id == e.WarningId));
    }
}

public static class WarningSets
{
    extension(GridDbContext db)
    {
        public DbSet<Warning> Warnings => db.Set<Warning>();
        public DbSet<WarningRule> WarningRules => db.Set<WarningRule>();
        public DbSet<WarningEvidence> WarningEvidence => db.Set<WarningEvidence>();
        public DbSet<WarningEvent> WarningEvents => db.Set<WarningEvent>();
    }
}
