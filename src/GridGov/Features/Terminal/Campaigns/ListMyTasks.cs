using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Campaigns;

// 专项任务 on the phone: the running campaigns (begun, not closed; past their end date too, as overdue)
// with tasks still open in the caller's own unit, soonest due first, each with its open tasks.
public sealed class ListMyTasks(GridDbContext db, CurrentUser user, CampaignRows rows)
{
    public const int PerCampaign = 100;

    public async Task<Result<List<MyCampaignTasks>>> HandleAsync(CancellationToken ct = default)
    {
        if (user.UnitCode <= 0) return Result<List<MyCampaignTasks>>.Ok([]);
        var (from, to) = OrgCode.Subtree(user.UnitCode);
        var today = rows.Today;
        var mine = db.Set<CampaignTask>().AsNoTracking().Where(t => t.GridCode >= from && t.GridCode <= to);
        var open = await mine.Where(t => t.State == CampaignTaskState.Pending).Select(t => t.CampaignId).Distinct().ToListAsync(ct);
        var campaigns = await TaskWork.Campaigns(db).Where(c => open.Contains(c.Id) && c.ClosedAt == null && c.StartsOn <= today)
            .OrderBy(c => c.EndsOn).ThenBy(c => c.Id).ToListAsync(ct);
        var list = new List<MyCampaignTasks>();
        foreach (var c in campaigns)
        {
            var id = c.Id;
            var ofCampaign = mine.Where(t => t.CampaignId == id);
            var total = await ofCampaign.CountAsync(ct);
            var pending = ofCampaign.Where(t => t.State == CampaignTaskState.Pending);
            var shown = await pending.OrderBy(t => t.GridCode).ThenBy(t => t.Target).Take(PerCampaign).ToListAsync(ct);
            var left = await pending.CountAsync(ct);
            var rowsOf = new List<CampaignTaskRow>();
            foreach (var t in shown) rowsOf.Add(await rows.TaskAsync(t, c.EndsOn, ct));
            list.Add(new(c.Id, c.Name, c.EndsOn, today > c.EndsOn, total - left, total, rowsOf, left - shown.Count));
        }
        return Result<List<MyCampaignTasks>>.Ok(list);
    }
}
