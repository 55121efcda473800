using GridGov.Features.Organization;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Party;

// The party organisations of the caller's area as a tree (社区党委 → 党支部 → 网格党小组) with member
// counts, and their creation and change: the parent in the area and of a higher level, the place a
// community or grid of the area (the parent's when not given), the secretary a person of the area.
public sealed class PartyOrgs(GridDbContext db, CurrentUser user, Places places, TimeProvider clock)
{
    public async Task<Result<List<PartyOrgNode>>> TreeAsync(CancellationToken ct = default)
    {
        var orgs = await db.Set<PartyOrg>().AsNoTracking().Where(o => o.State != VerificationState.Removed).OrderBy(o => o.Kind).ThenBy(o => o.GridCode).ThenBy(o => o.Id).ToListAsync(ct);
        var counts = await db.Set<PartyMember>().AsNoTracking().Where(m => m.State != VerificationState.Removed)
            .GroupBy(m => m.PartyOrgId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var ids = orgs.Select(o => o.Id).ToHashSet();
        var byParent = orgs.ToLookup(o => o.ParentId is { } p && ids.Contains(p) ? p : (long?)null);
        async Task<PartyOrgNode> Node(PartyOrg o)
        {
            var children = new List<PartyOrgNode>();
            foreach (var c in byParent[o.Id]) children.Add(await Node(c));
            var own = counts.GetValueOrDefault(o.Id);
            return new(o.Id, o.Name, o.Kind, PartyNames.Kind(o.Kind), o.ParentId, o.GridCode, await PlaceAsync(o.GridCode, ct), o.SecretaryId, o.SecretaryName,
                o.FoundedOn, own, own + children.Sum(c => c.TotalMembers), o.Version, children);
        }
        var roots = new List<PartyOrgNode>();
        foreach (var o in byParent[null]) roots.Add(await Node(o));
        return Result<List<PartyOrgNode>>.Ok(roots);
    }

    public async Task<Result<PartyOrgNode>> CreateAsync(SavePartyOrg r, CancellationToken ct = default)
    {
        var org = new PartyOrg { Source = RecordSource.Collected, State = VerificationState.Verified, CreatedAt = clock.GetUtcNow().UtcDateTime };
        return await SaveAsync(org, r, ct);
    }

    public async Task<Result<PartyOrgNode>> EditAsync(long id, SavePartyOrg r, CancellationToken ct = default)
    {
        var org = await db.Set<PartyOrg>().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) return Result<PartyOrgNode>.NotFound();
        if (r.Version is { } v && v != org.Version)
            return Result<PartyOrgNode>.Conflict("该党组织已被他人修改，请刷新后再改", extensions: new Dictionary<string, object?> { ["version"] = org.Version });
        return await SaveAsync(org, r, ct);
    }

    async Task<Result<PartyOrgNode>> SaveAsync(PartyOrg org, SavePartyOrg r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [message];
        var name = r.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100) Add("name", "名称：必填，最多 100 个字");
        if (!Enum.IsDefined(r.Kind)) Add("kind", "类型应为 党委（Committee）、党总支（GeneralBranch）、党支部（Branch）或 党小组（Group）");
        PartyOrg? parent = null;
        if (r.ParentId is { } pid)
        {
            parent = await db.Set<PartyOrg>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == pid, ct);
            if (parent is null) Add("parentId", "上级党组织不存在或不在您的辖区内");
            else if (parent.Kind >= r.Kind) Add("parentId", $"上级党组织应比{PartyNames.Kind(r.Kind)}高一级，“{parent.Name}”是{PartyNames.Kind(parent.Kind)}");
            else if (org.Id != 0 && await IsWithinAsync(pid, org.Id, ct)) Add("parentId", "不能把党组织放到它自己或它的下级之下");
        }
        long? grid = null;
        if (r.GridCode is { } code)
        {
            var level = OrgCode.LevelOf(code);
            if (level is not (OrgLevel.Community or OrgLevel.Grid) || !await db.OrgUnits.AnyAsync(u => u.Code == code, ct))
                Add("gridCode", "所在社区或网格：应为您辖区内的社区或网格编码");
            else if (!user.Scope.Contains(OrgCode.Pad(code))) Add("gridCode", "所在社区或网格：不在您的辖区内");
            else grid = OrgCode.Pad(code);
        }
        else grid = parent?.GridCode;
        if (grid is null && !errors.ContainsKey("gridCode")) Add("gridCode", "所在社区或网格：必填（或选择上级党组织）");
        if (grid is { } g && parent is not null && OrgCode.Community(g) != OrgCode.Community(parent.GridCode))
            Add("gridCode", "所在社区或网格：应在上级党组织所在社区内");
        Person? secretary = null;
        if (r.SecretaryId is { } sid)
        {
            secretary = await db.Set<Person>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == sid, ct);
            if (secretary is null) Add("secretaryId", "书记：须是您辖区实有人口中的人员");
        }
        if (errors.Count > 0) return Result<PartyOrgNode>.Invalid(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        (org.Name, org.Kind, org.ParentId, org.GridCode, org.SecretaryId, org.SecretaryName, org.FoundedOn) =
            (name, r.Kind, parent?.Id, grid!.Value, secretary?.Id, secretary?.Name, r.FoundedOn);
        org.UpdatedAt = now;
        if (org.Id == 0) db.Add(org); else org.Version++;
        await db.SaveChangesAsync(ct);
        var node = new PartyOrgNode(org.Id, org.Name, org.Kind, PartyNames.Kind(org.Kind), org.ParentId, org.GridCode, await PlaceAsync(org.GridCode, ct),
            org.SecretaryId, org.SecretaryName, org.FoundedOn, 0, 0, org.Version, []);
        return org.Version == 0 ? Result<PartyOrgNode>.Created(node, $"/api/v1/registry/party/orgs/{org.Id}") : Result<PartyOrgNode>.Ok(node);
    }

    // Is `candidate` the organisation `id` or one under it?
    async Task<bool> IsWithinAsync(long candidate, long id, CancellationToken ct)
    {
        for (long? at = candidate; at is { } a; at = await db.Set<PartyOrg>().IgnoreQueryFilters().Where(o => o.Id == a).Select(o => o.ParentId).FirstOrDefaultAsync(ct))
            if (a == id) return true;
        return false;
    }

    // A community-level organisation carries the community's code with grid serial 000.
    public async Task<string?> PlaceAsync(long gridCode, CancellationToken ct) =>
        gridCode % 1000 == 0 ? await places.NameAsync(gridCode / 1000, ct) : await places.NameAsync(gridCode, ct);
}
