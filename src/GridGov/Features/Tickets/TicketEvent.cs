using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Tickets;

// One row of a ticket's history: who did what, when, from which state to which, with a note and
// photos. Written with every change, in the same transaction.
public class TicketEvent
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public DateTime At { get; set; }
    public long? ActorId { get; set; }
    public required string ActorName { get; set; }
    public TicketAction Action { get; set; }
    public TicketState From { get; set; }
    public TicketState To { get; set; }
    public string? Note { get; set; }
    // Content hashes of photos in the file store, comma-separated.
    public string? Photos { get; set; }
    public long? DepartmentId { get; set; }

    public IEnumerable<string> PhotoList => (Photos ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
}

sealed class TicketEventConfiguration : IEntityTypeConfiguration<TicketEvent>
{
    public void Configure(EntityTypeBuilder<TicketEvent> b)
    {
        b.ToTable("TicketEvents");
        b.Property(e => e.ActorName).HasMaxLength(100);
        b.Property(e => e.Note).HasMaxLength(Ticket.DescriptionMax);
        b.Property(e => e.Photos).HasMaxLength(700);
        b.HasIndex(e => e.TicketId);
    }
}
