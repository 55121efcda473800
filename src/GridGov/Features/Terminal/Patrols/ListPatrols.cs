using GridGov.Features.Organization;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Patrols;

// 巡查记录: the patrols of a unit over a period (China dates; today by default), newest first. Whoever
// leads grid work (terminal.team) sees every worker's patrols in a unit of their area; anyone else
// only their own. A unit outside the area, or another's patrols asked by a worker, answer 404.
public sealed class ListPatrols(GridDbContext db, CurrentUser user, Places places, PatrolReads reads, TimeProvider clock)
{
    public const int MaxDays = 366;

    public sealed record Filtered(IQueryable<Patrol> Query, long UnitCode, string UnitName, DateOnly From, DateOnly To);

    public async Task<Result<Filtered>> FilterAsync(PatrolQuery q, int maxDays = MaxDays, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (from, to, since, until) = PatrolReads.Period(q.From, q.To, now);
        var errors = PatrolReads.CheckPeriod(from, to, maxDays);
        if (errors.Count > 0) return Result<Filtered>.Invalid(errors);
        var unit = q.Unit ?? user.UnitCode;
        if (OrgCode.LevelOf(unit) is null || !user.Scope.Contains(OrgCode.Pad(unit)) || await places.NameAsync(unit, ct) is not { } name)
            return Result<Filtered>.NotFound();
        var (lo, hi) = OrgCode.Subtree(unit);
        var query = db.Set<Patrol>().AsNoTracking().Where(p => p.GridCode >= lo && p.GridCode <= hi && p.StartedAt >= since && p.StartedAt < until);
        if (!user.Has(Permissions.TerminalTeam))
        {
            if (q.Worker is { } w && w != user.UserId) return Result<Filtered>.NotFound();
            var me = user.UserId ?? 0;
            query = query.Where(p => p.WorkerId == me);
        }
        else if (q.Worker is { } worker) query = query.Where(p => p.WorkerId == worker);
        return Result<Filtered>.Ok(new(query, unit, name, from, to));
    }

    public async Task<Result<PagedResult<PatrolRow>>> HandleAsync(PatrolQuery q, CancellationToken ct = default)
    {
        var (page, size, pageErrors) = Paging.Of(q.Page, q.PageSize, 20, 200);
        if (pageErrors is not null) return Result<PagedResult<PatrolRow>>.Invalid(pageErrors);
        var filtered = await FilterAsync(q, ct: ct);
        if (!filtered.Succeeded) return filtered.As<PagedResult<PatrolRow>>();
        var query = filtered.Value!.Query;
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(p => p.StartedAt).ThenByDescending(p => p.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return Result<PagedResult<PatrolRow>>.Ok(new(await reads.RowsAsync(items, clock.GetUtcNow().UtcDateTime, ct), total, page, size));
    }
}
