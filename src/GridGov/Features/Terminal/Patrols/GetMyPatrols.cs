using GridGov.Features.Organization;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Patrols;

// The phone's 巡查 page: the caller's running patrol (the phone asks for it to learn the id of a start
// it queued offline), today's patrols, and the grid they patrol — or, for an account whose unit is
// not a grid, the grids of their area to choose from.
public sealed class GetMyPatrols(GridDbContext db, CurrentUser user, Places places, PatrolReads reads, TimeProvider clock)
{
    public async Task<Result<MyPatrols>> HandleAsync(CancellationToken ct = default)
    {
        if (user.UserId is not { } me) return Result<MyPatrols>.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var since = ChinaTime.ToUtc(ChinaTime.FromUtc(now).Date);
        var running = await db.Set<Patrol>().IgnoreQueryFilters().AsNoTracking().Where(p => p.WorkerId == me && p.EndedAt == null)
            .OrderByDescending(p => p.StartedAt).FirstOrDefaultAsync(ct);
        var today = await db.Set<Patrol>().IgnoreQueryFilters().AsNoTracking().Where(p => p.WorkerId == me && p.StartedAt >= since)
            .OrderByDescending(p => p.StartedAt).Take(50).ToListAsync(ct);
        var unit = user.UnitCode;
        if (OrgCode.LevelOf(unit) == OrgLevel.Grid)
            return Result<MyPatrols>.Ok(new(running is null ? null : await reads.RowAsync(running, now, ct), await reads.RowsAsync(today, now, ct),
                unit, await places.NameAsync(unit, ct), []));
        var grids = new List<PlaceName>();
        if (unit > 0)
        {
            var (from, to) = OrgCode.Subtree(unit);
            var codes = await db.OrgUnits.AsNoTracking().Where(u => u.Level == OrgLevel.Grid && u.Code >= from && u.Code <= to)
                .OrderBy(u => u.Code).Select(u => new { u.Code, u.Name }).Take(500).ToListAsync(ct);
            grids = [.. codes.Select(c => new PlaceName(c.Code, c.Name, OrgLevel.Grid))];
        }
        return Result<MyPatrols>.Ok(new(running is null ? null : await reads.RowAsync(running, now, ct), await reads.RowsAsync(today, now, ct),
            null, null, grids));
    }
}
