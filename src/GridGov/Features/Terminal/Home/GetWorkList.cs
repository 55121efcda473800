using GridGov.Features.Identity;
using GridGov.Features.Organization;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Places;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Home;

// 网格工作清单: a worker's work of today. A grid worker sees only their own list; whoever leads grid
// work (terminal.team: a community's director, secretary and deputy, a street's leaders) sees the list
// of every worker inside their area. Anyone else's list answers 404, like a record outside the area.
public sealed class GetWorkList(GridDbContext db, CurrentUser user, Places places, IEnumerable<IWorkCounter> counters, TimeProvider clock)
{
    public async Task<Result<WorkList>> HandleAsync(long? workerId = null, CancellationToken ct = default)
    {
        if (await FindAsync(workerId ?? user.UserId ?? 0, ct) is not { } worker) return Result<WorkList>.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var items = new List<WorkItem>();
        // One after another: they share the request's DbContext.
        foreach (var c in counters.OrderBy(c => c.Order)) items.Add(await c.CountAsync(worker, now, ct));
        return Result<WorkList>.Ok(new(worker, worker.Id == user.UserId, items));
    }

    // The worker, if the caller may see their list.
    public async Task<Worker?> FindAsync(long id, CancellationToken ct)
    {
        var row = await db.Users.AsNoTracking().Where(u => u.Id == id && !u.Disabled)
            .Select(u => new { u.Id, u.DisplayName, u.OrgUnitCode }).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var own = row.Id == user.UserId;
        if (!own && !(user.Has(Permissions.TerminalTeam) && user.Scope.Contains(OrgCode.Pad(row.OrgUnitCode)))) return null;
        return new Worker(row.Id, row.DisplayName, row.OrgUnitCode, await places.NameAsync(row.OrgUnitCode, ct) ?? "");
    }
}
