using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Party;

// How the members of the caller's area take part in grid work this year (China calendar year): per
// organisation (with those under it) the members and hours, per member the activities. Everything
// through the caller's area: an organisation or member outside it is 404.
public sealed class PartyParticipation(GridDbContext db, PartyOrgs orgs, PartyMembers members, TimeProvider clock)
{
    public const int MaxMembers = 1000;
    int Year => ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime).Year;

    // Every organisation of the area, as the tree reads top-down, with its subtree's members and hours.
    public async Task<Result<List<PartyOrgSummary>>> OrgsAsync(CancellationToken ct = default)
    {
        var tree = (await orgs.TreeAsync(ct)).Value!;
        var byMember = await HoursAsync(ct);
        var memberOrg = await db.Set<PartyMember>().AsNoTracking().Where(m => m.State != VerificationState.Removed)
            .Select(m => new { m.Id, m.PartyOrgId }).ToDictionaryAsync(m => m.Id, m => m.PartyOrgId, ct);
        var byOrg = byMember.Where(h => memberOrg.ContainsKey(h.Key)).GroupBy(h => memberOrg[h.Key])
            .ToDictionary(g => g.Key, g => (Hours: g.Sum(h => h.Value.Hours), Count: g.Sum(h => h.Value.Count)));
        var result = new List<PartyOrgSummary>();
        (decimal Hours, int Count) Walk(PartyOrgNode n, int depth)
        {
            var at = result.Count;
            result.Add(null!);
            var own = byOrg.GetValueOrDefault(n.Id);
            var (hours, count) = (own.Hours, own.Count);
            foreach (var c in n.Children)
            {
                var (h, k) = Walk(c, depth + 1);
                (hours, count) = (hours + h, count + k);
            }
            result[at] = new(n.Id, n.Name, n.KindName, n.PlaceName, depth, Year, n.TotalMembers, hours, count, []);
            return (hours, count);
        }
        foreach (var root in tree) Walk(root, 0);
        return Result<List<PartyOrgSummary>>.Ok(result);
    }

    // One organisation with each member (of it and those under it) and their hours, most active first.
    public async Task<Result<PartyOrgSummary>> OrgAsync(long id, CancellationToken ct = default)
    {
        var all = (await OrgsAsync(ct)).Value!;
        if (all.FirstOrDefault(o => o.Id == id) is not { } org) return Result<PartyOrgSummary>.NotFound();
        var rows = new List<PartyMemberRow>();
        for (var page = 1; rows.Count < MaxMembers; page++)
        {
            var p = (await members.ListAsync(new PartyMemberQuery(Org: id, Page: page, PageSize: 200), ct)).Value!;
            rows.AddRange(p.Items);
            if (p.Items.Count == 0 || rows.Count >= p.Total) break;
        }
        var hours = await HoursAsync(ct);
        var list = rows.Select(m => (M: m, H: hours.GetValueOrDefault(m.Id)))
            .OrderByDescending(x => x.H.Hours).ThenBy(x => x.M.Name)
            .Select(x => new PartyMemberHours(x.M.Id, x.M.Name, x.M.Gender, x.M.IdMasked, x.M.StatusName, x.M.Duty, x.M.OrgName, x.H.Hours, x.H.Count)).ToList();
        return Result<PartyOrgSummary>.Ok(org with { MemberHours = list });
    }

    public async Task<Result<PartyMemberActivities>> MemberAsync(long id, int take = 50, CancellationToken ct = default)
    {
        if (await members.OneAsync(id, ct) is not { } member) return Result<PartyMemberActivities>.NotFound();
        var items = await db.Set<PartyActivity>().AsNoTracking().Where(a => a.PartyMemberId == id)
            .OrderByDescending(a => a.On).ThenByDescending(a => a.Id).Take(Math.Clamp(take, 1, 200)).ToListAsync(ct);
        var year = await YearOf(db.Set<PartyActivity>().Where(a => a.PartyMemberId == id)).Select(a => a.Hours).ToListAsync(ct);
        return Result<PartyMemberActivities>.Ok(new(member, Year, year.Sum(), year.Count, [.. items.Select(PartyActivityRow.Of)]));
    }

    IQueryable<PartyActivity> YearOf(IQueryable<PartyActivity> q)
    {
        var start = new DateOnly(Year, 1, 1);
        return q.AsNoTracking().Where(a => a.On >= start);
    }

    // Decimals are summed here: SQLite keeps them as text and cannot add them up itself.
    async Task<Dictionary<long, (decimal Hours, int Count)>> HoursAsync(CancellationToken ct) =>
        (await YearOf(db.Set<PartyActivity>()).Select(a => new { a.PartyMemberId, a.Hours }).ToListAsync(ct))
            .GroupBy(a => a.PartyMemberId).ToDictionary(g => g.Key, g => (g.Sum(a => a.Hours), g.Count()));
}
