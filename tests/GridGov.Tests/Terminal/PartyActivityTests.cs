using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Features.Registry.Party;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure;
using GridGov.Tests.Infrastructure;
using GridGov.Tests.Registry;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Terminal;

// 党员参与网格工作 through the API: an activity recorded by the grid worker adds to the member's and the
// organisation's hours this year; a member outside the caller's area is 404; refusals in Chinese.
[Collection(NanjingCollection.Name)]
public sealed class PartyActivityTests(GridGovApp app)
{
    const string Api = "/api/v1/registry/party";
    const string Password = "Party-test-9k";
    readonly RegistryKit kit = new(app);
    static DateOnly Today => ChinaTime.DateOf(DateTime.UtcNow);

    // A 党小组 in the grid worker's grid with fresh members from its first room.
    async Task<(PartyOrgNode Group, List<PartyMemberRow> Members)> GroupAsync(params string[] names)
    {
        var rooms = await kit.RoomsAsync(1);
        var batch = await kit.ImportAsync("community", "党员参与.xlsx", RegistryKit.Xlsx(names.Select(n => RegistryKit.Row(n, RegistryKit.NewId(), "户籍", rooms[0]))));
        List<(long Id, long Grid)> people;
        await using (var db = app.UnscopedDb())
            people = [.. (await db.Set<Person>().Where(p => p.ImportBatchId == batch.Id).Select(p => new { p.Id, p.Name, p.GridCode }).ToListAsync())
                .OrderBy(p => Array.IndexOf(names, p.Name)).Select(p => (p.Id, p.GridCode))];
        var client = await kit.As("community");
        var group = await OkAsync<PartyOrgNode>(await client.PostAsJsonAsync($"{Api}/orgs",
            new { name = "参与测试党小组" + Guid.NewGuid().ToString("N")[..4], kind = "Group", gridCode = people[0].Grid }));
        var members = new List<PartyMemberRow>();
        foreach (var (id, _) in people)
            members.Add(await OkAsync<PartyMemberRow>(await client.PostAsJsonAsync($"{Api}/members", new { personId = id, partyOrgId = group.Id, status = "Full" })));
        return (group, members);
    }

    static async Task<T> OkAsync<T>(HttpResponseMessage r)
    {
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<T>(RegistryKit.Json))!;
    }

    [Fact]
    public async Task Activities_are_recorded_and_summed_per_member_and_per_organisation()
    {
        var (group, members) = await GroupAsync("参与党员甲", "参与党员乙");
        var grid = await kit.As("grid");
        var first = await OkAsync<PartyActivityRow>(await grid.PostAsJsonAsync($"{Api}/members/{members[0].Id}/activities",
            new { kind = "Volunteer", title = "敬老院志愿服务", on = Today, hours = 2.5 }));
        Assert.Equal(("志愿服务", 2.5m, "敬老院志愿服务"), (first.KindName, first.Hours, first.Title));
        await OkAsync<PartyActivityRow>(await grid.PostAsJsonAsync($"{Api}/members/{members[0].Id}/activities",
            new { kind = "GridWork", title = "协助巡查", on = Today.AddDays(-1), hours = 1.5 }));
        await OkAsync<PartyActivityRow>(await grid.PostAsJsonAsync($"{Api}/members/{members[1].Id}/activities",
            new { kind = "Meeting", title = "主题党日", on = Today, hours = 1 }));

        var mine = await grid.GetFromJsonAsync<PartyMemberActivities>($"{Api}/members/{members[0].Id}/activities", RegistryKit.Json);
        Assert.Equal((Today.Year, 4.0m, 2), (mine!.Year, mine.HoursThisYear, mine.ActivitiesThisYear));
        Assert.Equal(["敬老院志愿服务", "协助巡查"], mine.Items.Select(i => i.Title));

        var summary = await grid.GetFromJsonAsync<PartyOrgSummary>($"{Api}/orgs/{group.Id}/summary", RegistryKit.Json);
        Assert.Equal((2, 5.0m, 3), (summary!.Members, summary.HoursThisYear, summary.ActivitiesThisYear));
        Assert.Equal([(members[0].Id, 4.0m), (members[1].Id, 1.0m)], summary.MemberHours.Select(m => (m.Id, m.HoursThisYear)));
        Assert.Equal("参与党员甲", summary.MemberHours[0].Name);
        Assert.Contains('*', summary.MemberHours[0].IdMasked);
        var all = (await grid.GetFromJsonAsync<List<PartyOrgSummary>>($"{Api}/orgs/summary", RegistryKit.Json))!;
        Assert.Contains(all, o => o.Id == group.Id && o.HoursThisYear == 5.0m && o.Members == 2);

        await using var db = app.UnscopedDb();
        var stored = await db.Set<PartyActivity>().Where(a => a.PartyMemberId == members[0].Id).OrderBy(a => a.On).ToListAsync();
        Assert.Equal([(1.5m, "协助巡查"), (2.5m, "敬老院志愿服务")], stored.Select(a => (a.Hours, a.Title)));
        Assert.All(stored, a => Assert.Equal((members[0].GridCode, members[0].PersonId), (a.GridCode, a.PersonId)));
    }

    [Fact]
    public async Task A_member_outside_the_area_is_404_and_refusals_are_in_chinese()
    {
        var (group, members) = await GroupAsync("参与外查党员");
        var name = "pa_" + Guid.NewGuid().ToString("N")[..8];
        var created = await (await kit.As("admin")).PostAsJsonAsync("/api/v1/users",
            new { userName = name, displayName = "外社区主任", orgUnitCode = 320102002002, dataScope = "UnitAndBelow", roles = new[] { "community_director" }, password = Password });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var outsider = await app.ClientForAsync(name, Password);
        var url = $"{Api}/members/{members[0].Id}/activities";
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync(url, new { kind = "Volunteer", title = "越界", on = Today, hours = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"{Api}/orgs/{group.Id}/summary")).StatusCode);
        Assert.DoesNotContain((await outsider.GetFromJsonAsync<List<PartyOrgSummary>>($"{Api}/orgs/summary", RegistryKit.Json))!, o => o.Id == group.Id);

        var grid = await kit.As("grid");
        async Task<string> RefusedAsync(object body)
        {
            var r = await grid.PostAsJsonAsync(url, body);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").ToString();
        }
        var empty = await RefusedAsync(new { title = " " });
        foreach (var text in new[] { "类型：必填", "内容：必填", "日期：必填", "时长：必填" }) Assert.Contains(text, empty);
        Assert.Contains("时长：应在 0.5–24 小时之间", await RefusedAsync(new { kind = "Other", title = "太短", on = Today, hours = 0.2 }));
        Assert.Contains("时长：应在 0.5–24 小时之间", await RefusedAsync(new { kind = "Other", title = "太长", on = Today, hours = 25 }));
        Assert.Contains("最多保留一位小数", await RefusedAsync(new { kind = "Other", title = "太细", on = Today, hours = 1.25 }));
        Assert.Contains("日期：不能晚于今天", await RefusedAsync(new { kind = "Other", title = "明天", on = Today.AddDays(1), hours = 1 }));
        await using (var db = app.UnscopedDb()) Assert.False(await db.Set<PartyActivity>().AnyAsync(a => a.PartyMemberId == members[0].Id));

        // Resent with the same client id: written once.
        var key = Guid.NewGuid().ToString();
        for (var i = 0; i < 2; i++)
        {
            var r = await grid.SendAsync(new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = JsonContent.Create(new { kind = "GridWork", title = "协助走访", on = Today, hours = 3 }), Headers = { { "X-Client-Id", key } },
            });
            Assert.Equal(i == 0 ? HttpStatusCode.Created : HttpStatusCode.OK, r.StatusCode);
        }
        await using var check = app.UnscopedDb();
        Assert.Equal(1, await check.Set<PartyActivity>().CountAsync(a => a.PartyMemberId == members[0].Id));
    }
}
