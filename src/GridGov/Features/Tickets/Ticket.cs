using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Tickets;

public enum TicketState { Reported, Accepted, Dispatched, Returned, Handled, Verified, Closed, Rejected, Duplicate, Shelved }

public enum TicketSource { Patrol, Hotline, Public, DigitalCity, OtherSystem, Staff }

public enum Supervision { None, Normal, Yellow, Red }

public enum PendingRequest { None, Extension, Shelve }

public enum Evaluation { Satisfied, Basic, Unsatisfied }

// A reported problem and its case (事件/工单), DESIGN.md §5. The state moves only through TicketFlow.
public class Ticket : IGridScoped
{
    public long Id { get; set; }
    // A retried submission with the same id from the same reporter returns the same ticket.
    public string? ClientRequestId { get; set; }
    public int CategoryId { get; set; }
    public required string Description { get; set; }
    public string? Address { get; set; }
    public double? Lon { get; set; }
    public double? Lat { get; set; }
    public long GridCode { get; set; }
    // The command centre handling the ticket: the street at first, its district or city after escalation.
    public long CentreCode { get; set; }
    public TicketSource Source { get; set; }
    public long? ReporterId { get; set; }
    public string? ReporterName { get; set; }
    public string? ReporterPhone { get; set; }
    public TicketState State { get; set; }
    public bool Urgent { get; set; }
    public bool SelfHandled { get; set; }
    public Supervision Supervision { get; set; }
    public DateTime ReportedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    // The deadline of the current stage; null when no clock runs (closed, shelved …).
    public DateTime? DueAt { get; set; }
    // The handling deadline, set at dispatch and moved by approved extensions.
    public DateTime? HandleDueAt { get; set; }
    // The category's limits when the ticket was reported: later category edits apply to new tickets only.
    public required string AcceptLimit { get; set; }
    public required string DispatchLimit { get; set; }
    public required string HandleLimit { get; set; }
    public required string VerifyLimit { get; set; }
    public long? LeadDepartmentId { get; set; }
    public int ReworkCount { get; set; }
    public int ReturnCount { get; set; }
    public int ExtensionCount { get; set; }
    public PendingRequest Pending { get; set; }
    public string? PendingNote { get; set; }
    public double? PendingDays { get; set; }
    public long? PrimaryId { get; set; }
    public string? Result { get; set; }
    public Evaluation? Evaluation { get; set; }
    public string? EvaluationNote { get; set; }
    public DateTime? ClosedAt { get; set; }
    // Bumped by every change; a change made against an older version is refused (409).
    public int Version { get; set; }

    public List<TicketAssignment> Assignments { get; set; } = [];
    public List<TicketEvent> Events { get; set; } = [];

    public const int DescriptionMax = 1000;

    public static readonly TicketState[] Open =
        [TicketState.Reported, TicketState.Accepted, TicketState.Dispatched, TicketState.Returned, TicketState.Handled, TicketState.Verified];

    public bool IsOpen => Open.Contains(State);

    // The number people read out on the phone: report date and id.
    public static string NumberOf(long id, DateTime reportedAtUtc) =>
        $"{Infrastructure.ChinaTime.FromUtc(reportedAtUtc):yyyyMMdd}{id:D7}";
}

// A department a ticket was dispatched to: the lead, or a co-handling department.
public class TicketAssignment
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public long DepartmentId { get; set; }
    public bool Lead { get; set; }
    public bool Active { get; set; }
    public DateTime AssignedAt { get; set; }
}

sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> b)
    {
        b.ToTable("Tickets");
        b.Property(t => t.ClientRequestId).HasMaxLength(64);
        b.Property(t => t.Description).HasMaxLength(Ticket.DescriptionMax);
        b.Property(t => t.Address).HasMaxLength(200);
        b.Property(t => t.ReporterName).HasMaxLength(50);
        b.Property(t => t.ReporterPhone).HasMaxLength(20);
        b.Property(t => t.AcceptLimit).HasMaxLength(10);
        b.Property(t => t.DispatchLimit).HasMaxLength(10);
        b.Property(t => t.HandleLimit).HasMaxLength(10);
        b.Property(t => t.VerifyLimit).HasMaxLength(10);
        b.Property(t => t.PendingNote).HasMaxLength(500);
        b.Property(t => t.Result).HasMaxLength(Ticket.DescriptionMax);
        b.Property(t => t.EvaluationNote).HasMaxLength(500);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasIndex(t => new { t.ReporterId, t.ClientRequestId }).IsUnique();
        // Queues (TicketQueues): the tickets of a state within an area — counted, and for a small
        // area taken whole and sorted — come from this range.
        b.HasIndex(t => new { t.State, t.GridCode, t.Id });
        // A queue page of a big area, newest first: walked backwards, the area checked inside the
        // index, until the page is full; no sort of every ticket of that state.
        b.HasIndex(t => new { t.State, t.Id, t.GridCode });
        // Overdue, most overdue first: a ticket has a deadline exactly while it is open, so this holds
        // open tickets only and its order is the queue's. Supervised: open tickets with a mark.
        b.HasIndex(t => new { t.DueAt, t.GridCode });
        b.HasIndex(t => new { t.Supervision, t.State, t.GridCode });
        b.HasIndex(t => t.GridCode);
        // The last days' tickets (early warning every minute, similar tickets): a range of report
        // times, the area checked inside the index; never a walk of the whole table.
        b.HasIndex(t => new { t.ReportedAt, t.GridCode });
        b.HasIndex(t => t.PrimaryId);
        // A department's own queue.
        b.HasIndex(t => new { t.LeadDepartmentId, t.State });
        b.HasMany(t => t.Assignments).WithOne().HasForeignKey(a => a.TicketId);
        b.HasMany(t => t.Events).WithOne().HasForeignKey(e => e.TicketId);
    }
}

sealed class TicketAssignmentConfiguration : IEntityTypeConfiguration<TicketAssignment>
{
    public void Configure(EntityTypeBuilder<TicketAssignment> b)
    {
        b.ToTable("TicketAssignments");
        b.HasIndex(a => new { a.DepartmentId, a.TicketId });
        b.HasIndex(a => a.TicketId);
    }
}
