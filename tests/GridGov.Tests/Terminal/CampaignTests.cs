using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Features.Identity;
using GridGov.Features.Organization;
using GridGov.Features.Registry.Addresses;
using GridGov.Features.Terminal.Campaigns;
using GridGov.Features.Terminal.Home;
using GridGov.Infrastructure.Places;
using GridGov.Tests.Infrastructure;
using GridGov.Tests.Registry;
using GridGov.Tests.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Terminal;

// 重点专项工作 through the API: a community publishes, each target becomes a task of its grid, the
// grid's worker does theirs, and the publisher sees the progress by grid and by worker.
[Collection(NanjingCollection.Name)]
public sealed partial class CampaignTests(GridGovApp app)
{
    const long OtherCommunity = 320102002002;
    const string Url = "/api/v1/terminal/campaigns";
    static readonly string[] Checklist = ["消防通道畅通", "灭火器在有效期内", "无电动车室内充电"];
    readonly RegistryKit kit = new(app);

    async Task<List<long>> GridsOfAsync(long community, int count)
    {
        await using var db = app.UnscopedDb();
        var (from, to) = OrgCode.Subtree(community);
        return await db.OrgUnits.Where(u => u.Code >= from && u.Code <= to && u.Level == OrgLevel.Grid).OrderBy(u => u.Code).Select(u => u.Code).Take(count).ToListAsync();
    }

    static object Grids(IEnumerable<long> grids, string? name = null) => new
    {
        name = name ?? "消防安全专项排查" + Guid.NewGuid().ToString("N")[..6], description = "出租房屋与沿街商铺逐一排查",
        startsOn = Today, endsOn = Today.AddDays(14), checklist = Checklist, targetKind = "Grids", grids,
    };

    static DateOnly Today => GridGov.Infrastructure.ChinaTime.DateOf(DateTime.UtcNow);

    async Task<CampaignDetail> PublishAsync(object body)
    {
        var r = await (await kit.As("community")).PostAsJsonAsync(Url, body);
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<CampaignDetail>(RegistryKit.Json))!;
    }

    async Task<List<CampaignTask>> TasksAsync(long campaign)
    {
        await using var db = app.UnscopedDb();
        return await db.Set<CampaignTask>().Where(t => t.CampaignId == campaign).OrderBy(t => t.GridCode).ToListAsync();
    }

    static object Done(int answers = 3, int? version = 0, string[]? photos = null) =>
        new { answers = Enumerable.Range(0, answers).Select(i => i % 2 == 0).ToArray(), note = "已逐户检查", photos, lon = 118.79, lat = 32.05, version };

    static async Task<JsonElement> ProblemAsync(HttpResponseMessage r) => (await r.Content.ReadFromJsonAsync<JsonElement>());

    [Fact]
    public async Task Publishing_makes_one_task_per_target_grid_or_address()
    {
        var grids = await GridsOfAsync(RegistryKit.Community, 2);
        var byGrid = await PublishAsync(Grids(grids));
        Assert.Equal(2, byGrid.Campaign.Total);
        Assert.Equal(Checklist, byGrid.Checklist);
        var tasks = await TasksAsync(byGrid.Campaign.Id);
        Assert.Equal(grids, tasks.Select(t => t.GridCode));
        await using (var db = app.UnscopedDb())
        {
            var names = await db.OrgUnits.Where(u => grids.Contains(u.Code)).OrderBy(u => u.Code).Select(u => u.Name).ToListAsync();
            Assert.Equal(names, tasks.Select(t => t.Target));
            var campaign = await db.Set<Campaign>().SingleAsync(c => c.Id == byGrid.Campaign.Id);
            Assert.Equal(OrgCode.Pad(RegistryKit.Community), campaign.GridCode);
            // Audited: the campaign as created, its tasks as one record saying how many.
            var key = campaign.Id.ToString();
            Assert.True(await db.AuditRecords.AnyAsync(a => a.Action == "Create" && a.EntityType == nameof(Campaign) && a.EntityKey == key));
            var summary = await db.AuditRecords.SingleAsync(a => a.Action == "Create" && a.EntityType == nameof(CampaignTask) && a.EntityKey == key);
            Assert.Contains("\"Tasks\":2", summary.After);
        }

        List<(long Id, long Grid, string Name)> buildings;
        await using (var db = app.UnscopedDb())
            buildings = [.. (await db.Set<Address>().Where(a => a.CommunityCode == RegistryKit.Community && a.Kind == AddressKind.Building).OrderBy(a => a.Id)
                .Take(3).Select(a => new { a.Id, a.GridCode, a.FullName }).ToListAsync()).Select(a => (a.Id, a.GridCode, a.FullName))];
        var byAddress = await PublishAsync(new
        {
            name = "楼道堆物清理", startsOn = Today, endsOn = Today, checklist = new[] { "楼道无堆物" }, targetKind = "Addresses", addressIds = buildings.Select(b => b.Id),
        });
        var addressed = await TasksAsync(byAddress.Campaign.Id);
        Assert.Equal(3, addressed.Count);
        foreach (var b in buildings)
        {
            var t = Assert.Single(addressed, t => t.AddressId == b.Id);
            Assert.Equal((b.Grid, b.Name), (t.GridCode, t.Target));
        }
        // Listed for the publisher's area with its progress.
        var list = (await (await kit.As("community")).GetFromJsonAsync<JsonElement>($"{Url}?keyword=楼道堆物", RegistryKit.Json));
        Assert.Contains(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetInt64() == byAddress.Campaign.Id && c.GetProperty("total").GetInt32() == 3);
    }

    [Fact]
    public async Task A_grid_worker_does_their_task_and_the_publisher_sees_the_progress_by_grid_and_worker()
    {
        var grids = await GridsOfAsync(RegistryKit.Community, 2);
        var grid = await kit.As("grid");
        var before = (await grid.GetFromJsonAsync<WorkList>("/api/v1/terminal/worklist", RegistryKit.Json))!.Items.Single(i => i.Kind == "tasks");
        var campaign = await PublishAsync(Grids(grids));
        var mine = (await grid.GetFromJsonAsync<List<MyCampaignTasks>>($"{Url}/tasks", RegistryKit.Json))!;
        var task = Assert.Single(Assert.Single(mine, m => m.CampaignId == campaign.Campaign.Id).Pending);
        Assert.Equal(grids[0], task.GridCode);
        var waiting = (await grid.GetFromJsonAsync<WorkList>("/api/v1/terminal/worklist", RegistryKit.Json))!.Items.Single(i => i.Kind == "tasks");
        Assert.Equal(before.Pending + 1, waiting.Pending);

        var photo = await TestPhotos.UploadAsync(grid);
        var r = await grid.PostAsJsonAsync($"{Url}/tasks/{task.Id}/done", Done(photos: [photo]));
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
        var done = (await r.Content.ReadFromJsonAsync<CampaignTaskRow>(RegistryKit.Json))!;
        Assert.Equal(CampaignTaskState.Done, done.State);
        Assert.Equal([true, false, true], done.Answers);
        Assert.Equal([photo], done.Photos);
        Assert.False(done.Late);

        var detail = (await (await kit.As("community")).GetFromJsonAsync<CampaignDetail>($"{Url}/{campaign.Campaign.Id}", RegistryKit.Json))!;
        Assert.Equal((1, 2), (detail.Campaign.Done, detail.Campaign.Total));
        Assert.Equal((1, 1), detail.Grids.Where(g => g.GridCode == grids[0]).Select(g => (g.Done, g.Total)).Single());
        Assert.Equal((0, 1), detail.Grids.Where(g => g.GridCode == grids[1]).Select(g => (g.Done, g.Total)).Single());
        await using (var db = app.UnscopedDb())
        {
            var me = await db.Users.Where(u => u.UserName == "grid").Select(u => u.Id).SingleAsync();
            var worker = Assert.Single(detail.Workers, w => w.UserId == me);
            Assert.Equal((1, 1, 1), (worker.Assigned, worker.AssignedDone, worker.DoneByThem));
            var stored = await db.Set<CampaignTask>().SingleAsync(t => t.Id == task.Id);
            Assert.Equal("101", stored.Answers);
            Assert.Equal(photo, stored.Photos);
            Assert.Equal(me, stored.DoneById);
        }
        // The photo is served through the task to the publisher, and the work list counts the task done today.
        Assert.Equal(HttpStatusCode.OK, (await (await kit.As("community")).GetAsync($"{Url}/tasks/{task.Id}/photos/{photo}")).StatusCode);
        var after = (await grid.GetFromJsonAsync<WorkList>("/api/v1/terminal/worklist", RegistryKit.Json))!.Items.Single(i => i.Kind == "tasks");
        Assert.Equal((before.Pending, before.DoneToday + 1), (after.Pending, after.DoneToday));
    }

    [Fact]
    public async Task A_task_of_another_grid_is_not_found()
    {
        var grids = await GridsOfAsync(RegistryKit.Community, 2);
        var campaign = await PublishAsync(Grids(grids));
        var other = (await TasksAsync(campaign.Campaign.Id)).Single(t => t.GridCode == grids[1]);
        var grid = await kit.As("grid");
        Assert.Equal(HttpStatusCode.NotFound, (await grid.GetAsync($"{Url}/tasks/{other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.PostAsJsonAsync($"{Url}/tasks/{other.Id}/done", Done())).StatusCode);
        Assert.Equal(CampaignTaskState.Pending, (await TasksAsync(campaign.Campaign.Id)).Single(t => t.Id == other.Id).State);
        // Nor does a grid worker see the campaign or its office list.
        Assert.Equal(HttpStatusCode.Forbidden, (await grid.GetAsync($"{Url}/{campaign.Campaign.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_target_outside_the_publishers_area_is_refused_and_named_in_Chinese()
    {
        var own = await GridsOfAsync(RegistryKit.Community, 1);
        var elsewhere = (await GridsOfAsync(OtherCommunity, 1))[0];
        string elsewhereName;
        long farAddress;
        await using (var db = app.UnscopedDb())
        {
            elsewhereName = await db.OrgUnits.Where(u => u.Code == elsewhere).Select(u => u.Name).SingleAsync();
            farAddress = await db.Set<Address>().IgnoreQueryFilters().Where(a => a.CommunityCode != RegistryKit.Community).Select(a => a.Id).FirstOrDefaultAsync();
        }
        var name = "越界专项" + Guid.NewGuid().ToString("N")[..6];
        var r = await (await kit.As("community")).PostAsJsonAsync(Url, Grids([.. own, elsewhere], name));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var message = Assert.Single((await ProblemAsync(r)).GetProperty("errors").GetProperty("grids").EnumerateArray()).GetString();
        Assert.Equal($"网格“{elsewhereName}”（{elsewhere}）不在您的辖区内", message);
        await using (var db = app.UnscopedDb())
            Assert.False(await db.Set<Campaign>().AnyAsync(c => c.Name == name));

        var unknown = await (await kit.As("community")).PostAsJsonAsync(Url, new
        {
            name, startsOn = Today, endsOn = Today, checklist = new[] { "检查" }, targetKind = "Addresses", addressIds = new[] { farAddress > 0 ? farAddress : 999_999_999 },
        });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("不存在或不在您的辖区内", (await ProblemAsync(unknown)).GetProperty("errors").GetProperty("addressIds")[0].GetString());
    }

    [Fact]
    public async Task The_period_and_the_checklist_are_checked_in_Chinese()
    {
        var grids = await GridsOfAsync(RegistryKit.Community, 1);
        var r = await (await kit.As("community")).PostAsJsonAsync(Url, new
        {
            name = "", startsOn = Today, endsOn = Today.AddYears(1).AddDays(1), checklist = Enumerable.Range(1, 21).Select(i => $"第{i}项"), targetKind = "Grids", grids,
        });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var errors = (await ProblemAsync(r)).GetProperty("errors");
        Assert.Equal("请填写专项工作名称", errors.GetProperty("name")[0].GetString());
        Assert.Equal("专项工作的期限不能超过一年", errors.GetProperty("endsOn")[0].GetString());
        Assert.Equal("检查清单最多 20 项（填写了 21 项）", errors.GetProperty("checklist")[0].GetString());
        var backwards = await (await kit.As("community")).PostAsJsonAsync(Url, new
        {
            name = "倒序", startsOn = Today.AddDays(3), endsOn = Today, checklist = new[] { new string('长', 101) }, targetKind = "Grids", grids,
        });
        var e2 = (await ProblemAsync(backwards)).GetProperty("errors");
        Assert.Equal("结束日期不能早于开始日期", e2.GetProperty("endsOn")[0].GetString());
        Assert.Equal("检查清单第 1 项超过 100 个字", e2.GetProperty("checklist")[0].GetString());
    }

    [Fact]
    public async Task A_grid_worker_cannot_publish()
    {
        var grids = await GridsOfAsync(RegistryKit.Community, 1);
        var r = await (await kit.As("grid")).PostAsJsonAsync(Url, Grids(grids));
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
    }

    [Fact]
    public async Task The_same_client_id_twice_is_done_once()
    {
        var campaign = await PublishAsync(Grids(await GridsOfAsync(RegistryKit.Community, 1)));
        var task = Assert.Single(await TasksAsync(campaign.Campaign.Id));
        var grid = await kit.As("grid");
        var key = Guid.NewGuid().ToString("N");
        async Task<HttpResponseMessage> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{Url}/tasks/{task.Id}/done") { Content = JsonContent.Create(Done()) };
            request.Headers.Add("X-Client-Id", key);
            return await grid.SendAsync(request);
        }
        var first = await SendAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await SendAsync();
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True((await ProblemAsync(second)).GetProperty("repeated").GetBoolean());
        var stored = Assert.Single(await TasksAsync(campaign.Campaign.Id));
        Assert.Equal((CampaignTaskState.Done, 1), (stored.State, stored.Version));
        // Without the client id, a second completion is refused: the task is done.
        Assert.Equal(HttpStatusCode.Conflict, (await grid.PostAsJsonAsync($"{Url}/tasks/{task.Id}/done", Done(version: null))).StatusCode);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_a_wrong_count_of_answers_a_Chinese_400()
    {
        var campaign = await PublishAsync(Grids(await GridsOfAsync(RegistryKit.Community, 1)));
        var task = Assert.Single(await TasksAsync(campaign.Campaign.Id));
        var grid = await kit.As("grid");
        var stale = await grid.PostAsJsonAsync($"{Url}/tasks/{task.Id}/done", Done(version: 7));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(0, (await ProblemAsync(stale)).GetProperty("version").GetInt32());
        var wrong = await grid.PostAsJsonAsync($"{Url}/tasks/{task.Id}/done", Done(answers: 2));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("检查结果应有 3 项，与检查清单一一对应（提交了 2 项）", (await ProblemAsync(wrong)).GetProperty("errors").GetProperty("answers")[0].GetString());
        Assert.Equal(CampaignTaskState.Pending, Assert.Single(await TasksAsync(campaign.Campaign.Id)).State);
    }

    [Fact]
    public async Task Work_after_the_end_date_is_late_and_a_closed_campaign_takes_none()
    {
        var grids = await GridsOfAsync(RegistryKit.Community, 1);
        var late = await PublishAsync(Grids(grids));
        var grid = await kit.As("grid");
        var before = (await grid.GetFromJsonAsync<WorkList>("/api/v1/terminal/worklist", RegistryKit.Json))!.Items.Single(i => i.Kind == "tasks");
        await using (var db = app.UnscopedDb())
            await db.Set<Campaign>().Where(c => c.Id == late.Campaign.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.StartsOn, Today.AddDays(-10)).SetProperty(c => c.EndsOn, Today.AddDays(-1)));
        var overdue = (await grid.GetFromJsonAsync<WorkList>("/api/v1/terminal/worklist", RegistryKit.Json))!.Items.Single(i => i.Kind == "tasks");
        Assert.Equal((before.Pending, before.Overdue + 1), (overdue.Pending, overdue.Overdue));
        var task = Assert.Single(await TasksAsync(late.Campaign.Id));
        var done = await grid.PostAsJsonAsync($"{Url}/tasks/{task.Id}/done", Done());
        Assert.True((await done.Content.ReadFromJsonAsync<CampaignTaskRow>(RegistryKit.Json))!.Late);
        var row = (await (await kit.As("community")).GetFromJsonAsync<CampaignDetail>($"{Url}/{late.Campaign.Id}", RegistryKit.Json))!.Campaign;
        Assert.Equal((1, 1, 0), (row.Done, row.DoneLate, row.Overdue));

        var closing = await PublishAsync(Grids(grids));
        var stale = await (await kit.As("community")).PostAsJsonAsync($"{Url}/{closing.Campaign.Id}/close", new { version = 3 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var closed = await (await kit.As("community")).PostAsJsonAsync($"{Url}/{closing.Campaign.Id}/close", new { version = closing.Campaign.Version });
        Assert.Equal(CampaignStatus.Closed, (await closed.Content.ReadFromJsonAsync<CampaignDetail>(RegistryKit.Json))!.Campaign.Status);
        var open = Assert.Single(await TasksAsync(closing.Campaign.Id));
        var refused = await grid.PostAsJsonAsync($"{Url}/tasks/{open.Id}/done", Done());
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("已结束", (await ProblemAsync(refused)).GetProperty("detail").GetString());
        var mine = (await grid.GetFromJsonAsync<List<MyCampaignTasks>>($"{Url}/tasks", RegistryKit.Json))!;
        Assert.DoesNotContain(mine, m => m.CampaignId == closing.Campaign.Id);
    }
}
