using GridGov.Features.Organization;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Campaigns;

// Campaigns and tasks as lists show them, with their progress counted through the caller's scope.
public sealed class CampaignRows(GridDbContext db, Places places, TimeProvider clock)
{
    public DateOnly Today => ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);

    // A task's campaign. A grid worker sees their tasks but not the campaign, which lies at the
    // publisher's unit: whoever may see a task may read what its campaign asks.
    public Task<Campaign?> OfTaskAsync(CampaignTask task, CancellationToken ct) =>
        TaskWork.Campaigns(db).FirstOrDefaultAsync(c => c.Id == task.CampaignId, ct);

    public async Task<List<CampaignRow>> RowsAsync(IReadOnlyList<Campaign> campaigns, CancellationToken ct)
    {
        var ids = campaigns.Select(c => c.Id).ToList();
        var counts = await db.Set<CampaignTask>().AsNoTracking().Where(t => ids.Contains(t.CampaignId)).GroupBy(t => t.CampaignId)
            .Select(g => new { g.Key, Total = g.Count(), Done = g.Count(t => t.State == CampaignTaskState.Done) })
            .ToDictionaryAsync(g => g.Key, ct);
        var today = Today;
        var rows = new List<CampaignRow>(campaigns.Count);
        foreach (var c in campaigns)
        {
            var n = counts.GetValueOrDefault(c.Id);
            var (total, done) = (n?.Total ?? 0, n?.Done ?? 0);
            var status = CampaignFacts.StatusOf(c, today);
            // Late work exists only once the end date has passed.
            var id = c.Id;
            var lateFrom = CampaignFacts.LateFrom(c.EndsOn);
            var late = today > c.EndsOn && done > 0
                ? await db.Set<CampaignTask>().CountAsync(t => t.CampaignId == id && t.State == CampaignTaskState.Done && t.DoneAt >= lateFrom, ct) : 0;
            rows.Add(new(c.Id, c.Name, c.UnitCode, await places.NameAsync(c.UnitCode, ct) ?? c.UnitCode.ToString(), c.StartsOn, c.EndsOn, c.TargetKind,
                TerminalNames.Target(c.TargetKind), status, CampaignFacts.StatusName(status), total, done,
                status == CampaignStatus.Ended ? total - done : 0, late, c.PublishedByName, c.PublishedAt, c.ClosedAt, c.Version));
        }
        return rows;
    }

    public async Task<CampaignTaskRow> TaskAsync(CampaignTask t, DateOnly endsOn, CancellationToken ct) => new(
        t.Id, t.CampaignId, t.GridCode, await places.NameAsync(t.GridCode, ct) ?? t.GridCode.ToString(), t.AddressId, t.Target, t.State,
        TerminalNames.TaskState(t.State), CampaignFacts.Late(t, endsOn), t.DoneAt, t.DoneById, t.DoneByName, CampaignFacts.Answers(t.Answers), t.Note,
        [.. (t.Photos ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)], t.Lon, t.Lat, t.Version);
}
