using System.Net;
using System.Net.Http.Json;
using GridGov.Features.Registry;
using GridGov.Features.Registry.Party;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Import;
using GridGov.Infrastructure.UseCases;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Registry;

// 党组织 and 党员 through the API: the tree of the caller's area with member counts, organisations and
// members created and changed within the area, one membership per person, 404 out of scope.
[Collection(NanjingCollection.Name)]
public sealed class PartyTests(GridGovApp app)
{
    readonly RegistryKit kit = new(app);
    const string Api = "/api/v1/registry/party";
    const long OtherGrid = 320102002002001;

    async Task<List<long>> PeopleAsync(params string[] names)
    {
        var rooms = await kit.RoomsAsync(1);
        var batch = await kit.ImportAsync("community", "党员.xlsx", RegistryKit.Xlsx(names.Select(n => RegistryKit.Row(n, RegistryKit.NewId(), "户籍", rooms[0]))));
        await using var db = app.UnscopedDb();
        var people = await db.Set<Person>().Where(p => p.ImportBatchId == batch.Id).Select(p => new { p.Id, p.Name }).ToListAsync();
        return [.. names.Select(n => people.Single(p => p.Name == n).Id)];
    }

    async Task<T> OkAsync<T>(HttpResponseMessage r)
    {
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<T>(RegistryKit.Json))!;
    }

    static IEnumerable<PartyOrgNode> Flatten(IEnumerable<PartyOrgNode> nodes) => nodes.SelectMany(n => new[] { n }.Concat(Flatten(n.Children)));

    [Fact]
    public async Task Organisations_form_a_tree_with_member_counts_and_members_are_added_changed_and_removed()
    {
        var client = await kit.As("community");
        var people = await PeopleAsync("党建书记甲", "党建党员乙", "党建党员丙");
        var committee = await OkAsync<PartyOrgNode>(await client.PostAsJsonAsync($"{Api}/orgs",
            new { name = "测试社区党委", kind = "Committee", gridCode = RegistryKit.Community, secretaryId = people[0] }));
        Assert.Equal((RegistryKit.Community * 1000, "党建书记甲"), (committee.GridCode, committee.SecretaryName));
        var branch = await OkAsync<PartyOrgNode>(await client.PostAsJsonAsync($"{Api}/orgs", new { name = "测试第一党支部", kind = "Branch", parentId = committee.Id }));
        Assert.Equal(committee.GridCode, branch.GridCode);
        var group = await OkAsync<PartyOrgNode>(await client.PostAsJsonAsync($"{Api}/orgs",
            new { name = "测试第1网格党小组", kind = "Group", parentId = branch.Id, gridCode = RegistryKit.Community * 1000 + 1 }));
        var upward = await client.PostAsJsonAsync($"{Api}/orgs", new { name = "错层", kind = "Committee", parentId = branch.Id });
        Assert.Equal(HttpStatusCode.BadRequest, upward.StatusCode);
        Assert.Contains("上级党组织", await upward.Content.ReadAsStringAsync());
        var elsewhere = await client.PostAsJsonAsync($"{Api}/orgs", new { name = "外社区支部", kind = "Branch", gridCode = 320102002002 });
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Contains("辖区内", await elsewhere.Content.ReadAsStringAsync());

        var a = await OkAsync<PartyMemberRow>(await client.PostAsJsonAsync($"{Api}/members", new { personId = people[1], partyOrgId = group.Id, status = "Full", joinedOn = "2001-07-01", reportedToCommunity = true }));
        Assert.Equal(("正式党员", "测试第1网格党小组", true), (a.StatusName, a.OrgName, a.ReportedToCommunity));
        Assert.Matches(@"^\w{4}\*+\w{4}$", a.IdMasked);
        await OkAsync<PartyMemberRow>(await client.PostAsJsonAsync($"{Api}/members", new { personId = people[2], partyOrgId = branch.Id, status = "Probationary", mobile = true }));
        var twice = await client.PostAsJsonAsync($"{Api}/members", new { personId = people[1], partyOrgId = branch.Id, status = "Full" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("一人只能有一个组织关系", await twice.Content.ReadAsStringAsync());

        var tree = Flatten((await client.GetFromJsonAsync<List<PartyOrgNode>>($"{Api}/orgs", RegistryKit.Json))!).ToList();
        var (c, b, g) = (tree.Single(n => n.Id == committee.Id), tree.Single(n => n.Id == branch.Id), tree.Single(n => n.Id == group.Id));
        Assert.Equal((0, 2), (c.Members, c.TotalMembers));
        Assert.Equal((1, 2), (b.Members, b.TotalMembers));
        Assert.Equal(("党小组", 1), (g.KindName, g.TotalMembers));
        Assert.Contains(c.Children, x => x.Id == branch.Id);

        var ofBranch = (await client.GetFromJsonAsync<PagedResult<PartyMemberRow>>($"{Api}/members?org={branch.Id}", RegistryKit.Json))!;
        Assert.Equal(["党建党员丙", "党建党员乙"], ofBranch.Items.Select(m => m.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["党建党员丙"], (await client.GetFromJsonAsync<PagedResult<PartyMemberRow>>($"{Api}/members?org={branch.Id}&mobile=true", RegistryKit.Json))!.Items.Select(m => m.Name));
        Assert.Equal(["党建党员乙"], (await client.GetFromJsonAsync<PagedResult<PartyMemberRow>>($"{Api}/members?org={branch.Id}&reported=true&status=Full&keyword=党建", RegistryKit.Json))!.Items.Select(m => m.Name));

        var edited = await OkAsync<PartyMemberRow>(await client.PutAsJsonAsync($"{Api}/members/{a.Id}",
            new { personId = people[1], partyOrgId = group.Id, status = "Full", duty = "网格党小组长", version = a.Version }));
        Assert.Equal(("网格党小组长", a.Version + 1), (edited.Duty, edited.Version));
        Assert.Equal(HttpStatusCode.Conflict, (await client.PutAsJsonAsync($"{Api}/members/{a.Id}", new { personId = people[1], partyOrgId = group.Id, status = "Full", version = a.Version })).StatusCode);
        var noReason = await client.PostAsJsonAsync($"{Api}/members/{a.Id}/removal", new { version = edited.Version });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("移除原因：必填", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"{Api}/members/{a.Id}/removal", new { reason = " 组织关系转出 ", version = edited.Version })).StatusCode);
        Assert.Equal(["党建党员丙"], (await client.GetFromJsonAsync<PagedResult<PartyMemberRow>>($"{Api}/members?org={branch.Id}", RegistryKit.Json))!.Items.Select(m => m.Name));
        await using var db = app.UnscopedDb();
        var removed = await db.Set<PartyMember>().Where(m => m.Id == a.Id).Select(m => new { m.State, m.RemovalReason }).SingleAsync();
        Assert.Equal((VerificationState.Removed, "组织关系转出"), (removed.State, removed.RemovalReason));
    }

    [Fact]
    public async Task Organisations_and_members_of_another_community_answer_404_on_read_and_write()
    {
        var batch = await kit.ImportAsync("admin", "外党员.xlsx", RegistryKit.Xlsx([new() { ["姓名"] = "党建外丁", ["公民身份号码"] = RegistryKit.NewId(), ["人口类型"] = "户籍", ["网格编码"] = OtherGrid.ToString() }]));
        long person, org, member;
        await using (var db = app.UnscopedDb())
        {
            person = await db.Set<Person>().Where(p => p.ImportBatchId == batch.Id).Select(p => p.Id).SingleAsync();
            var now = DateTime.UtcNow;
            var o = new PartyOrg { Name = "外社区测试支部", Kind = PartyOrgKind.Branch, GridCode = OtherGrid / 1000 * 1000, CreatedAt = now, UpdatedAt = now };
            db.Add(o);
            await db.SaveChangesAsync();
            var m = new PartyMember { PersonId = person, PartyOrgId = o.Id, GridCode = OtherGrid, CreatedAt = now, UpdatedAt = now };
            db.Add(m);
            await db.SaveChangesAsync();
            (org, member) = (o.Id, m.Id);
        }
        var client = await kit.As("community");
        Assert.DoesNotContain(Flatten((await client.GetFromJsonAsync<List<PartyOrgNode>>($"{Api}/orgs", RegistryKit.Json))!), n => n.Id == org);
        Assert.Empty((await client.GetFromJsonAsync<PagedResult<PartyMemberRow>>($"{Api}/members?org={org}", RegistryKit.Json))!.Items);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Api}/members/{member}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"{Api}/orgs/{org}", new { name = "改名", kind = "Branch", gridCode = RegistryKit.Community })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"{Api}/members/{member}", new { personId = person, partyOrgId = org, status = "Full" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"{Api}/members/{member}/removal", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"{Api}/members", new { personId = person, partyOrgId = org, status = "Full" })).StatusCode);
        var own = (await PeopleAsync("党建本丁"))[0];
        var foreignOrg = await client.PostAsJsonAsync($"{Api}/members", new { personId = own, partyOrgId = org, status = "Full" });
        Assert.Equal(HttpStatusCode.BadRequest, foreignOrg.StatusCode);
        Assert.Contains("所在党组织", await foreignOrg.Content.ReadAsStringAsync());
        await using var check = app.UnscopedDb();
        Assert.Equal(("外社区测试支部", VerificationState.Pending), await check.Set<PartyOrg>().Where(o => o.Id == org).Select(o => new { o.Name, o.State }).SingleAsync() is var o2 ? (o2.Name, o2.State) : default);
        Assert.Equal(0, await check.Set<PartyMember>().Where(m => m.Id == member).Select(m => m.Version).SingleAsync());
    }

    [Fact]
    public async Task Members_import_by_id_number_and_organisation_name_and_twice_changes_nothing()
    {
        var client = await kit.As("community");
        var branch = await OkAsync<PartyOrgNode>(await client.PostAsJsonAsync($"{Api}/orgs", new { name = "导入测试党支部", kind = "Branch", gridCode = RegistryKit.Community }));
        var rooms = await kit.RoomsAsync(1);
        var (a, b) = (RegistryKit.NewId(), RegistryKit.NewId(male: false));
        await kit.ImportAsync("community", "人口.xlsx", RegistryKit.Xlsx([RegistryKit.Row("党导甲", a, "户籍", rooms[0]), RegistryKit.Row("党导乙", b, "户籍", rooms[0])]));
        Dictionary<string, object?> Row(string id, string org, string status, string? joined = null, string? mobile = null, string? reported = null) => new()
        {
            ["证件号码"] = id, ["所在党组织"] = org, ["党员类别"] = status, ["入党日期"] = joined, ["流动党员"] = mobile, ["已报到"] = reported, ["网格职务"] = null,
        };
        var file = RegistryKit.Xlsx(
        [
            Row(a, "导入测试党支部", "正式", "1999-07-01", "否", "是"),
            Row(b, "导入测试党支部", "预备"),
            Row(RegistryKit.NewId(), "导入测试党支部", "正式"),
            Row(a, "没有这个支部", "正式"),
            Row(b, "导入测试党支部", "积极分子"),
            Row(b, "导入测试党支部", "正式", "2999-01-01", "也许"),
        ]);
        var response = await kit.UploadAsync("community", "党员.xlsx", file, "party-members");
        var first = await kit.WaitAsync("community", (await OkAsync<ImportBatchView>(response)).Id);
        var issues = (await client.GetFromJsonAsync<PagedResult<GridGov.Features.Registry.Imports.ImportIssueRow>>($"/api/v1/registry/imports/{first.Id}/issues", RegistryKit.Json))!.Items;
        Assert.Contains(issues, i => i.RowNumber == 4 && i.Field == "证件号码" && i.Reason.Contains("人员不在实有人口中"));
        Assert.Contains(issues, i => i.RowNumber == 5 && i.Field == "所在党组织" && i.Reason.Contains("没有这个支部"));
        Assert.Contains(issues, i => i.RowNumber == 6 && i.Field == "党员类别");
        Assert.Contains(issues, i => i.RowNumber == 7 && i.Field == "入党日期");
        Assert.Contains(issues, i => i.RowNumber == 7 && i.Field == "流动党员");
        Assert.Equal((2, 0, 0, 4), (first.Inserted, first.Updated, first.Unchanged, first.Rejected));
        var members = (await client.GetFromJsonAsync<PagedResult<PartyMemberRow>>($"{Api}/members?org={branch.Id}", RegistryKit.Json))!.Items;
        var ja = members.Single(m => m.Name == "党导甲");
        Assert.Equal((PartyMemberStatus.Full, new DateOnly(1999, 7, 1), true, false), (ja.Status, ja.JoinedOn, ja.ReportedToCommunity, ja.Mobile));
        Assert.Equal(PartyMemberStatus.Probationary, members.Single(m => m.Name == "党导乙").Status);

        var again = await kit.WaitAsync("community", (await OkAsync<ImportBatchView>(await kit.UploadAsync("community", "党员.xlsx", file, "party-members"))).Id);
        Assert.Equal((0, 0, 2, 4), (again.Inserted, again.Updated, again.Unchanged, again.Rejected));
    }
}
