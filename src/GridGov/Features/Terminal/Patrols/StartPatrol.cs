using GridGov.Features.Organization;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Patrols;

// 开始巡查: a patrol of the caller's grid — their own unit when it is a grid, otherwise a grid of their
// area they name. One patrol runs at a time per worker: a second start is refused (409) and names the
// running one, so the phone can pick it up or end it.
public sealed class StartPatrol(GridDbContext db, CurrentUser user, Places places, PatrolReads reads, TimeProvider clock)
{
    // A start queued on a phone without network may arrive hours later, but not days.
    static readonly TimeSpan MaxDelay = TimeSpan.FromHours(24);
    static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public async Task<Result<PatrolRow>> HandleAsync(StartPatrolRequest r, CancellationToken ct = default)
    {
        if (!user.Has(Permissions.TicketsVerify) && !user.Has(Permissions.RegistryEdit))
            return Result<PatrolRow>.Forbidden("只有网格员等现场工作人员可以开始巡查");
        if (user.UserId is not { } me) return Result<PatrolRow>.Forbidden("请先登录");
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, string[]>();
        var started = now;
        if (r.ClientStartedAt is { } at)
        {
            var t = PatrolReads.Utc(at);
            if (t < now - MaxDelay) errors["clientStartedAt"] = ["开始时间不能早于 24 小时前"];
            else if (t > now + ClockSkew) errors["clientStartedAt"] = ["开始时间不能晚于当前时间"];
            else started = t < now ? t : now;
        }
        long grid;
        if (OrgCode.LevelOf(user.UnitCode) == OrgLevel.Grid) grid = user.UnitCode;
        else if (r.GridCode is not { } chosen) { errors["gridCode"] = ["请选择要巡查的网格"]; grid = 0; }
        else if (OrgCode.LevelOf(chosen) != OrgLevel.Grid || !user.Scope.Contains(chosen) || await places.NameAsync(chosen, ct) is null)
        { errors["gridCode"] = ["所选网格不存在，或不在您的工作范围内"]; grid = 0; }
        else grid = chosen;
        if (errors.Count > 0) return Result<PatrolRow>.Invalid(errors);

        // Wherever the running patrol is filed: the rule is per worker.
        var running = await db.Set<Patrol>().IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.WorkerId == me && p.EndedAt == null).OrderByDescending(p => p.StartedAt).FirstOrDefaultAsync(ct);
        if (running is not null)
            return Result<PatrolRow>.Conflict($"您有一次巡查尚未结束（{ChinaTime.FromUtc(running.StartedAt):M月d日 HH:mm} 开始），请先结束该巡查",
                "巡查进行中", new Dictionary<string, object?> { ["patrolId"] = running.Id, ["startedAt"] = running.StartedAt });

        var patrol = new Patrol { GridCode = grid, WorkerId = me, WorkerName = user.DisplayName, StartedAt = started };
        db.Add(patrol);
        await db.SaveChangesAsync(ct);
        return Result<PatrolRow>.Created(await reads.RowAsync(patrol, now, ct), $"/api/v1/terminal/patrols/{patrol.Id}");
    }
}
