using GridGov.Features.Identity;
using GridGov.Features.Organization;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Campaigns;

// One campaign with its progress by grid and by worker. A grid's workers are the accounts of that grid:
// the grid's tasks are theirs whoever did them; anyone else who did tasks (a community's staff) is
// listed with what they did.
public sealed class GetCampaign(GridDbContext db, CurrentUser user, Places places, CampaignRows rows)
{
    public async Task<Result<CampaignDetail>> HandleAsync(long id, CancellationToken ct = default)
    {
        var c = await db.Set<Campaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (c is null) return Result<CampaignDetail>.NotFound();
        var row = (await rows.RowsAsync([c], ct))[0];
        var lateFrom = CampaignFacts.LateFrom(c.EndsOn);
        var tasks = db.Set<CampaignTask>().AsNoTracking().Where(t => t.CampaignId == id);
        var byGrid = await tasks.GroupBy(t => t.GridCode).Select(g => new
        {
            Grid = g.Key, Total = g.Count(), Done = g.Count(t => t.State == CampaignTaskState.Done),
            Late = g.Count(t => t.State == CampaignTaskState.Done && t.DoneAt >= lateFrom),
        }).ToListAsync(ct);
        var byDoer = await tasks.Where(t => t.DoneById != null).GroupBy(t => new { t.DoneById, t.DoneByName, t.GridCode })
            .Select(g => new { g.Key.DoneById, g.Key.DoneByName, g.Key.GridCode, Done = g.Count() }).ToListAsync(ct);
        var grids = byGrid.Select(g => g.Grid).ToList();
        var accounts = (await db.Users.AsNoTracking().Where(u => !u.Disabled && grids.Contains(u.OrgUnitCode))
            .Select(u => new { u.Id, u.DisplayName, u.OrgUnitCode }).ToListAsync(ct))
            .Where(u => user.Scope.Contains(u.OrgUnitCode)).OrderBy(u => u.OrgUnitCode).ThenBy(u => u.DisplayName).ToList();

        var gridRows = new List<GridProgress>();
        foreach (var g in byGrid.OrderBy(g => g.Grid))
            gridRows.Add(new(g.Grid, await places.NameAsync(g.Grid, ct) ?? g.Grid.ToString(), g.Total, g.Done, g.Late,
                [.. accounts.Where(a => a.OrgUnitCode == g.Grid).Select(a => a.DisplayName)]));
        var workers = new List<WorkerProgress>();
        foreach (var a in accounts)
        {
            var grid = byGrid.First(g => g.Grid == a.OrgUnitCode);
            workers.Add(new(a.Id, a.DisplayName, await places.NameAsync(a.OrgUnitCode, ct), grid.Total, grid.Done, byDoer.Where(d => d.DoneById == a.Id).Sum(d => d.Done)));
        }
        foreach (var d in byDoer.Where(d => accounts.All(a => a.Id != d.DoneById)).GroupBy(d => d.DoneById!.Value))
            workers.Add(new(d.Key, d.First().DoneByName ?? "", null, 0, 0, d.Sum(x => x.Done)));
        return Result<CampaignDetail>.Ok(new(row, c.Description, CampaignFacts.Items(c.Checklist), gridRows, workers));
    }
}
