using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Campaigns;

// 专项工作 of the caller's area (the data-scope filter: a campaign lies at its publisher's unit), newest
// first, each with its progress; filtered by where it stands today and by name.
public sealed class ListCampaigns(GridDbContext db, CampaignRows rows)
{
    public async Task<Result<PagedResult<CampaignRow>>> HandleAsync(CampaignQuery q, CancellationToken ct = default)
    {
        var (page, size, bad) = Paging.Of(q.Page, q.PageSize, 20, 100);
        if (bad is not null) return Result<PagedResult<CampaignRow>>.Invalid(bad);
        var campaigns = db.Set<Campaign>().AsNoTracking();
        var today = rows.Today;
        campaigns = q.Status switch
        {
            CampaignStatus.Closed => campaigns.Where(c => c.ClosedAt != null),
            CampaignStatus.NotStarted => campaigns.Where(c => c.ClosedAt == null && c.StartsOn > today),
            CampaignStatus.Running => campaigns.Where(c => c.ClosedAt == null && c.StartsOn <= today && c.EndsOn >= today),
            CampaignStatus.Ended => campaigns.Where(c => c.ClosedAt == null && c.EndsOn < today),
            _ => campaigns,
        };
        if (q.Keyword?.Trim() is { Length: > 0 } k) campaigns = campaigns.Where(c => c.Name.Contains(k));
        var total = await campaigns.CountAsync(ct);
        var items = await campaigns.OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return Result<PagedResult<CampaignRow>>.Ok(new(await rows.RowsAsync(items, ct), total, page, size));
    }
}
