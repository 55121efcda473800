using GridGov.Features.Terminal.Home;
using GridGov.Features.Tickets;
using GridGov.Features.Tickets.Categories;
using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Checks;

public sealed record CheckItem(long Id, string Number, string Category, string Description, string? Address, DateTime? DueAt, bool Overdue);

// The tickets waiting for a worker's on-site check (CheckWork), the nearest deadline first; null when
// the caller may not see that worker's list.
public sealed class ListChecks(CheckWork work, GetWorkList lists, CategoryCatalog categories, CurrentUser user, TimeProvider clock)
{
    public async Task<List<CheckItem>?> HandleAsync(long? workerId, CancellationToken ct = default)
    {
        if (await lists.FindAsync(workerId ?? user.UserId ?? 0, ct) is not { } worker) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await work.Waiting(worker).OrderBy(t => t.DueAt).Take(100)
            .Select(t => new { t.Id, t.CategoryId, t.Description, t.Address, t.DueAt, t.ReportedAt }).ToListAsync(ct);
        return [.. rows.Select(t => new CheckItem(t.Id, Ticket.NumberOf(t.Id, t.ReportedAt), categories.NameOf(t.CategoryId), t.Description, t.Address,
            t.DueAt, t.DueAt < now))];
    }
}
