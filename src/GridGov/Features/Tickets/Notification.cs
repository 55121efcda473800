using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Tickets;

// A message to one user about a ticket (their report was closed, rejected …), or with TicketId 0 about
// other work of theirs (a community's overdue visits); each user sees only theirs.
public class Notification
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public long TicketId { get; set; }
    public DateTime At { get; set; }
    public required string Text { get; set; }
    public bool Read { get; set; }
}

sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.Property(n => n.Text).HasMaxLength(300);
        b.HasIndex(n => new { n.UserId, n.Read });
    }
}
