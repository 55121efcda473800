using GridGov.Features.Terminal.Home;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Campaigns;

// 专项任务 on the work list: the open tasks of the worker's area in running campaigns (begun, not
// closed), those whose campaign has passed its end date as overdue, and the tasks they did today.
public sealed class TaskWork(GridDbContext db) : IWorkCounter
{
    public int Order => 30;

    // Campaigns as their tasks' workers see them: a task in the caller's scope names its campaign,
    // which lies at the publisher's unit, outside a grid worker's scope.
    internal static IQueryable<Campaign> Campaigns(GridDbContext db) =>
        db.Set<Campaign>().IgnoreQueryFilters([GridDbContext.DataScopeFilter]).AsNoTracking();

    public async Task<WorkItem> CountAsync(Worker w, DateTime now, CancellationToken ct)
    {
        var (from, to) = w.Range;
        var id = w.Id;
        var today = ChinaTime.DateOf(now);
        var since = ChinaTime.ToUtc(ChinaTime.FromUtc(now).Date);
        var open = db.Set<CampaignTask>().AsNoTracking().Where(t => t.State == CampaignTaskState.Pending && t.GridCode >= from && t.GridCode <= to)
            .Join(Campaigns(db).Where(c => c.ClosedAt == null && c.StartsOn <= today), t => t.CampaignId, c => c.Id, (t, c) => c.EndsOn);
        return new("tasks", "专项任务", "/m/tasks", await open.CountAsync(ct), await open.CountAsync(e => e < today, ct),
            await db.Set<CampaignTask>().CountAsync(t => t.DoneById == id && t.DoneAt >= since, ct), "街道、社区发布的专项工作");
    }
}
