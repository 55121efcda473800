using GridGov.Features.Organization;
using GridGov.Features.Registry.Addresses;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Campaigns;

// What a publisher may target: the grids of their own unit (grouped by community), its communities,
// and a community's addresses of one level (小区/街路巷, 楼栋 or 单元), all within the data scope.
public sealed class CampaignTargets(GridDbContext db, CurrentUser user, Places places)
{
    public const int MaxAddresses = CampaignFacts.MaxAddresses;

    public async Task<Result<List<TargetOption>>> GridsAsync(CancellationToken ct = default)
    {
        var (from, to) = OrgCode.Subtree(user.UnitCode);
        var grids = await db.OrgUnits.AsNoTracking().Where(u => u.Level == OrgLevel.Grid && u.GridCode >= from && u.GridCode <= to)
            .OrderBy(u => u.Code).Select(u => new { u.Code, u.Name }).ToListAsync(ct);
        var list = new List<TargetOption>(grids.Count);
        foreach (var g in grids) list.Add(new(g.Code, g.Name, await places.NameAsync(OrgCode.Community(g.Code), ct)));
        return Result<List<TargetOption>>.Ok(list);
    }

    public async Task<Result<List<TargetOption>>> CommunitiesAsync(CancellationToken ct = default)
    {
        var (from, to) = OrgCode.Subtree(user.UnitCode);
        return Result<List<TargetOption>>.Ok(await db.OrgUnits.AsNoTracking().Where(u => u.Level == OrgLevel.Community && u.GridCode >= from && u.GridCode <= to)
            .OrderBy(u => u.Code).Select(u => new TargetOption(u.Code, u.Name, null)).ToListAsync(ct));
    }

    public async Task<Result<List<TargetOption>>> AddressesAsync(long community, AddressKind kind, CancellationToken ct = default)
    {
        var (from, to) = OrgCode.Subtree(user.UnitCode);
        if (OrgCode.LevelOf(community) != OrgLevel.Community || !user.Scope.Contains(OrgCode.Pad(community))) return Result<List<TargetOption>>.NotFound();
        var kinds = kind is AddressKind.Road or AddressKind.Compound ? new[] { AddressKind.Road, AddressKind.Compound } : [kind];
        var rows = await db.Set<Address>().AsNoTracking()
            .Where(a => a.CommunityCode == community && kinds.Contains(a.Kind) && a.GridCode >= from && a.GridCode <= to)
            .OrderBy(a => a.Code).Take(MaxAddresses).Select(a => new { a.Id, a.FullName, a.GridCode }).ToListAsync(ct);
        var list = new List<TargetOption>(rows.Count);
        foreach (var a in rows) list.Add(new(a.Id, a.FullName, await places.NameAsync(a.GridCode, ct)));
        return Result<List<TargetOption>>.Ok(list);
    }
}
