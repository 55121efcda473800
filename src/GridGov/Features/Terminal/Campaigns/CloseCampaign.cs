using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Campaigns;

// 提前结束: the publisher's area ends a campaign before its end date; its open tasks leave the workers'
// lists and can no longer be done. Carries the version read, so a change meanwhile is not overwritten.
public sealed class CloseCampaign(GridDbContext db, CurrentUser user, GetCampaign get, TimeProvider clock)
{
    public async Task<Result<CampaignDetail>> HandleAsync(long id, CloseCampaignRequest r, CancellationToken ct = default)
    {
        if (!user.Has(Permissions.CampaignsPublish)) return Result<CampaignDetail>.Forbidden("您没有管理专项工作的权限");
        var c = await db.Set<Campaign>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (c is null) return Result<CampaignDetail>.NotFound();
        if (r.Version is { } v && v != c.Version)
            return Result<CampaignDetail>.Conflict("该专项工作已被他人修改，请刷新后再操作", extensions: new Dictionary<string, object?> { ["version"] = c.Version });
        if (c.ClosedAt is not null) return Result<CampaignDetail>.Conflict("该专项工作已经结束", "已结束");
        c.ClosedAt = clock.GetUtcNow().UtcDateTime;
        c.Version++;
        await db.SaveChangesAsync(ct);
        return await get.HandleAsync(id, ct);
    }
}
