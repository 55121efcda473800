using GridGov.Features.Tickets;
using GridGov.Features.Tickets.Categories;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Report;

public sealed record MyReport(long Id, string Number, string Category, string Description, TicketState State, string StateName, DateTime ReportedAt, long? PrimaryId);

// The worker's own reports of the last 60 days, newest first: what became of them.
public sealed class ListMyReports(GridDbContext db, CurrentUser user, CategoryCatalog categories, TimeProvider clock)
{
    public async Task<List<MyReport>> HandleAsync(CancellationToken ct = default)
    {
        var me = user.UserId;
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-60);
        var rows = await db.Tickets.AsNoTracking().Where(t => t.ReporterId == me && t.ReportedAt >= since).OrderByDescending(t => t.Id).Take(50)
            .Select(t => new { t.Id, t.CategoryId, t.Description, t.State, t.ReportedAt, t.PrimaryId }).ToListAsync(ct);
        return [.. rows.Select(t => new MyReport(t.Id, Ticket.NumberOf(t.Id, t.ReportedAt), categories.NameOf(t.CategoryId), t.Description, t.State,
            TicketFlow.StateName(t.State), t.ReportedAt, t.PrimaryId))];
    }
}
