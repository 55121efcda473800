using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Campaigns;

// The tasks of a campaign the caller sees, by grid and target, optionally of one grid or state.
public sealed class ListCampaignTasks(GridDbContext db, CampaignRows rows)
{
    public async Task<Result<PagedResult<CampaignTaskRow>>> HandleAsync(long id, CampaignTaskQuery q, CancellationToken ct = default)
    {
        var (page, size, bad) = Paging.Of(q.Page, q.PageSize, 20, 200);
        if (bad is not null) return Result<PagedResult<CampaignTaskRow>>.Invalid(bad);
        if (await db.Set<Campaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } c) return Result<PagedResult<CampaignTaskRow>>.NotFound();
        var tasks = Filter(id, q);
        var total = await tasks.CountAsync(ct);
        var items = await tasks.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var list = new List<CampaignTaskRow>(items.Count);
        foreach (var t in items) list.Add(await rows.TaskAsync(t, c.EndsOn, ct));
        return Result<PagedResult<CampaignTaskRow>>.Ok(new(list, total, page, size));
    }

    internal IQueryable<CampaignTask> Filter(long id, CampaignTaskQuery q)
    {
        var tasks = db.Set<CampaignTask>().AsNoTracking().Where(t => t.CampaignId == id);
        if (q.Grid is { } g) tasks = tasks.Where(t => t.GridCode == g);
        if (q.State is { } s) tasks = tasks.Where(t => t.State == s);
        return tasks.OrderBy(t => t.GridCode).ThenBy(t => t.Id);
    }
}
