using GridGov.Features.Terminal.Home;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Patrols;

// 巡查 on the work list: a grid worker is expected to walk their grid once a day, so a day without a
// patrol started leaves one waiting; patrols ended today are done. Nothing is ever late: a missed
// day shows in the community's coverage, not as a debt on the list.
public sealed class PatrolWork(GridDbContext db) : IWorkCounter
{
    public int Order => 30;

    public async Task<WorkItem> CountAsync(Worker w, DateTime now, CancellationToken ct)
    {
        var since = ChinaTime.ToUtc(ChinaTime.FromUtc(now).Date);
        var id = w.Id;
        var patrols = db.Set<Patrol>().AsNoTracking().Where(p => p.WorkerId == id);
        var startedToday = await patrols.AnyAsync(p => p.StartedAt >= since, ct);
        var running = await patrols.AnyAsync(p => p.EndedAt == null, ct);
        var done = await patrols.CountAsync(p => p.EndedAt >= since, ct);
        var pending = OrgCode.LevelOf(w.UnitCode) == OrgLevel.Grid && !startedToday && !running ? 1 : 0;
        return new("patrol", "巡查", "/m/patrol", pending, 0, done, running ? "巡查进行中" : pending > 0 ? "今日尚未巡查" : null);
    }
}
