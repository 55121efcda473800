using GridGov.Features.Organization;
using GridGov.Features.Registry.Party;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Demo;

// A community's party organisations and members: the 社区党委, one 党支部 for every two or three grids,
// a 网格党小组 in each grid; members among the adults whose political status says 中共党员 (about 7 %
// of adults), held by their grid's group, about 8 % 预备, 10 % 流动, 30 % of those of working age 已报到.
static class PartyDemo
{
    static readonly string[] Numbers = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    public static async Task FillAsync(CommunityFill fill, CancellationToken ct)
    {
        var (db, random, today) = (fill.Db, fill.Random, fill.Today);
        var community = fill.Plan.Community;
        var name = await db.OrgUnits.IgnoreQueryFilters().Where(u => u.Code == community).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "社区";
        var shortName = name.Replace("居委会", "").Replace("居民委员会", "");
        var adults = fill.People.Select(p => p.Person).Where(p => p.BirthDate is { } b && b.AddYears(18) <= today && p.IdType == "111").ToList();
        var members = adults.Where(p => p.Political == "01" && random.NextDouble() < 0.88).ToList();

        await using var orgs = new BulkWriter<PartyOrg>(db);
        var committee = fill.Record(new PartyOrg { Name = $"中共{shortName}委员会", Kind = PartyOrgKind.Committee, FoundedOn = today.AddYears(-20 - random.Next(20)) },
            OrgCode.Pad(community));
        if (members.Count > 0) (committee.SecretaryId, committee.SecretaryName) = (members[0].Id, members[0].Name);
        await orgs.InsertAsync(committee, ct);
        var groups = new Dictionary<long, PartyOrg>();
        var perBranch = 2 + random.Next(2);
        for (var b = 0; b * perBranch < fill.Grids.Count; b++)
        {
            var branch = fill.Record(new PartyOrg
            {
                Name = $"{shortName}第{Numbers[b % Numbers.Length]}党支部", Kind = PartyOrgKind.Branch, ParentId = committee.Id,
                FoundedOn = today.AddYears(-5 - random.Next(15)),
            }, OrgCode.Pad(community));
            await orgs.InsertAsync(branch, ct);
            foreach (var grid in fill.Grids.Skip(b * perBranch).Take(perBranch))
            {
                var group = fill.Record(new PartyOrg
                {
                    Name = $"{shortName}第{grid % 1000}网格党小组", Kind = PartyOrgKind.Group, ParentId = branch.Id, FoundedOn = today.AddYears(-1 - random.Next(6)),
                }, grid);
                await orgs.InsertAsync(group, ct);
                groups[grid] = group;
            }
        }
        var rows = new List<PartyMember>();
        var leaders = new HashSet<long>();
        var probationary = new List<long>();
        foreach (var p in members)
        {
            if (!groups.TryGetValue(p.GridCode, out var group)) continue;
            var age = today.Year - p.BirthDate!.Value.Year;
            var status = random.NextDouble() < 0.08 ? PartyMemberStatus.Probationary : PartyMemberStatus.Full;
            if (status == PartyMemberStatus.Probationary) probationary.Add(p.Id);
            var joined = p.BirthDate.Value.AddYears(18 + random.Next(Math.Max(1, Math.Min(age, 70) - 18))).AddDays(random.Next(365));
            if (status == PartyMemberStatus.Probationary) joined = today.AddDays(-random.Next(30, 360));
            else if (joined > today.AddYears(-1)) joined = today.AddDays(-random.Next(400, 1500));
            var duty = leaders.Add(group.Id) ? "网格党小组长" : random.NextDouble() < 0.15 ? "楼栋党员中心户" : null;
            rows.Add(fill.Record(new PartyMember
            {
                PersonId = p.Id, PartyOrgId = group.Id, Status = status, JoinedOn = joined, Mobile = random.NextDouble() < 0.10,
                ReportedToCommunity = age is >= 22 and < 60 && random.NextDouble() < 0.30, Duty = duty,
            }, p.GridCode));
        }
        await using (var writer = new BulkWriter<PartyMember>(db)) await writer.InsertManyAsync(rows, ct);
        // A 预备党员's political status is 中共预备党员 (GB/T 4762 02).
        foreach (var chunk in probationary.Chunk(500))
            await db.Set<Person>().IgnoreQueryFilters().Where(p => chunk.Contains(p.Id)).ExecuteUpdateAsync(u => u.SetProperty(p => p.Political, "02"), ct);
    }
}
