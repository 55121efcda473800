using GridGov.Infrastructure.Database;

namespace GridGov.Features.Tickets;

static class Notices
{
    // Reporters who are staff get a notice; public and hotline reporters are told by the hotline.
    public static Task TellReporterAsync(GridDbContext db, Ticket t, string text, DateTime now, CancellationToken ct)
    {
        if (t.ReporterId is { } reporter)
            db.Notifications.Add(new Notification { UserId = reporter, TicketId = t.Id, At = now, Text = text.Length > 300 ? text[..299] + "…" : text });
        return Task.CompletedTask;
    }
}
