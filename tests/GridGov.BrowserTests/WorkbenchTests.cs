using System.Text.Json;
using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// 工作台: each account's own work. Its tiles are its queues only, counting what the queues' API
// counts; a new ticket shows on the street's 待受理 at once and after a reload.
[Collection(BrowserCollection.Name)]
public sealed class WorkbenchTests(BrowserApp app)
{
    [Fact]
    public async Task The_grid_worker_sees_their_grid_with_its_community_street_and_outline()
    {
        var page = await app.LoginAsync("grid");
        var card = page.Locator("#grid-card");
        await Assertions.Expect(card).ToContainTextAsync("所属社区");
        await Assertions.Expect(card).ToContainTextAsync("街道");
        await Assertions.Expect(card).ToContainTextAsync("平方千米");
        await Assertions.Expect(card.Locator(".gg-grid-map[data-ready='1'] path.leaflet-interactive, .gg-grid-map[data-ready='1'] svg path")).Not.ToHaveCountAsync(0);
        await BrowserApp.ShotAsync(page, "home-grid");
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserApp.ShotAsync(page, "home-grid-card-1366");
    }

    [Fact]
    public async Task The_street_workbench_charts_only_what_differs()
    {
        var page = await app.LoginAsync("street");
        await Assertions.Expect(page.Locator("#area-overview .ant-card-head-title").First).ToContainTextAsync("街道");
        // Every community is one community: that series is left out; the grids per community stay
        // when they differ, else there is no chart at all.
        await Assertions.Expect(page.Locator(".gg-chart-title", new() { HasText = "社区（村）" })).ToHaveCountAsync(0);
        await BrowserApp.ShotAsync(page, "home-street");
    }

    // The queues each demo account works on, one of them with work in it (WorkbenchData), and
    // whether the account leads (the area's figures and warnings).
    public static TheoryData<string, string[], string?, bool> Roles => new()
    {
        { "street", ["Reported", "Accepted", "Returned", "Verified", "Overdue", "Supervised"], "Reported", true },
        { "district", ["Reported", "Accepted", "Returned", "Verified", "Overdue", "Supervised"], "Accepted", true },
        { "acceptor", ["Reported"], "Reported", false },
        { "dispatcher", ["Accepted", "Returned"], "Accepted", true },
        { "chief", ["Verified", "Overdue", "Supervised"], "Supervised", true },
        { "handler", ["Department", "Overdue", "Supervised"], "Department", false },
        { "grid", ["Handled"], "Handled", false },
        { "community", [], null, true },
        { "auditor", [], null, false },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_role_sees_its_own_queues_with_the_counts_of_the_queues(string user, string[] queues, string? busy, bool leader)
    {
        await new WorkbenchData(app).EnsureAsync();
        var page = await OpenAsync(user);
        var counts = await CountsAsync(page);
        Assert.Equal(queues, await TilesAsync(page));
        if (busy is not null) Assert.True(counts[busy].Count > 0, $"{user} 的“{busy}”队列应有工单");
        foreach (var q in queues)
        {
            var tile = page.Locator($"#wb-queues [data-queue='{q}']");
            await Assertions.Expect(tile.Locator("[data-count]")).ToHaveTextAsync(counts[q].Count.ToString());
            await Assertions.Expect(tile).ToHaveAttributeAsync("href", $"/tickets?queue={q}");
            var late = counts[q].Overdue;
            await Assertions.Expect(tile.Locator("[data-overdue]")).ToHaveCountAsync(late > 0 && q != "Overdue" ? 1 : 0);
        }
        // Work to do lists its nearest deadlines; no queue, no list.
        if (queues.Length > 0) await UrgentIsTheApisAsync(page);
        else await Assertions.Expect(page.Locator("#wb-urgent")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#wb-supervised")).ToHaveCountAsync(queues.Contains("Supervised") ? 1 : 0);
        if (queues.Contains("Supervised"))
            await Assertions.Expect(page.Locator("#wb-supervised li")).ToHaveCountAsync(Math.Min(5, counts["Supervised"].Count));
        // A leader sees the area's figures and warnings, with the ways to the panorama and the warnings.
        await Assertions.Expect(page.Locator("#wb-area")).ToHaveCountAsync(leader ? 1 : 0);
        await Assertions.Expect(page.Locator("#wb-warnings")).ToHaveCountAsync(leader ? 1 : 0);
        if (leader)
        {
            await Assertions.Expect(page.Locator("#wb-panorama")).ToHaveAttributeAsync("href", "/panorama");
            await Assertions.Expect(page.Locator("#wb-warnings a[href='/analytics/warnings']")).ToHaveTextAsync("预警分析");
            await Assertions.Expect(page.Locator("#wb-area [data-figure='overdue'] .ant-statistic-content-value")).ToHaveTextAsync(counts["Overdue"].Count.ToString("N0"));
        }
        if (user == "auditor") await Assertions.Expect(page.Locator("#wb-empty")).ToContainTextAsync("暂无待办");
        await FitsAsync(page);
        await BrowserApp.ShotAsync(page, $"home-{user}-1366");
    }

    [Fact]
    public async Task The_grid_worker_sees_the_terminal_list_of_today_with_the_way_to_the_phone()
    {
        var page = await OpenAsync("grid");
        var list = JsonDocument.Parse(await (await page.Context.APIRequest.GetAsync("/api/v1/terminal/worklist")).TextAsync()).RootElement;
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        foreach (var item in items)
            await Assertions.Expect(page.Locator($"#wb-field [data-work='{item.GetProperty("kind").GetString()}'] [data-pending]"))
                .ToHaveTextAsync(item.GetProperty("pending").GetInt32().ToString());
        await Assertions.Expect(page.Locator("#wb-open-terminal")).ToHaveAttributeAsync("href", "/m");
        await Assertions.Expect(page.Locator("#wb-area")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_admin_sees_the_city_figures_and_only_queues_where_something_waits()
    {
        var page = await OpenAsync("admin");
        await Assertions.Expect(page.Locator("#wb-area .ant-card-head-title")).ToContainTextAsync("南京市");
        var counts = await CountsAsync(page);
        var tiles = await TilesAsync(page);
        string[] city = ["Reported", "Accepted", "Returned", "Handled", "Verified", "Overdue", "Supervised"];
        Assert.Equal([.. city.Where(q => counts[q].Count > 0)], tiles);
        foreach (var q in tiles)
            await Assertions.Expect(page.Locator($"#wb-queues [data-queue='{q}'] [data-count]")).ToHaveTextAsync(counts[q].Count.ToString());
        await FitsAsync(page);
        await BrowserApp.ShotAsync(page, "home-admin-1366");
    }

    [Fact]
    public async Task A_new_ticket_raises_the_streets_reported_tile_live_and_after_a_reload()
    {
        var page = await OpenAsync("street");
        var tile = page.Locator("#wb-queues [data-queue='Reported'] [data-count]");
        var before = (await CountsAsync(page))["Reported"].Count;
        await Assertions.Expect(tile).ToHaveTextAsync(before.ToString());

        var data = new DeskData(app);
        var ticket = await data.ReportAsync(await data.ClientAsync("grid"), "工作台测试：井盖松动", (await data.PointsAsync()).Own);
        Assert.Equal(before + 1, (await CountsAsync(page))["Reported"].Count);
        await Assertions.Expect(tile).ToHaveTextAsync((before + 1).ToString());
        await BrowserApp.OpenAsync(page, "/");
        await Assertions.Expect(tile).ToHaveTextAsync((before + 1).ToString());

        var urgent = await UrgentIsTheApisAsync(page);
        if (urgent.Count < 8) Assert.Contains(urgent, u => u.GetProperty("id").GetInt64() == ticket.Id);

        await page.Locator("#wb-queues [data-queue='Reported']").ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/tickets?queue=Reported"));
        await Assertions.Expect(page.Locator("#queue-tiles [data-queue='Reported']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("gg-tile-active"));
    }

    sealed record Tally(int Count, int? Overdue);

    // The urgent list is the queues' nearest deadlines, in the API's order, a red 超期 on the late.
    static async Task<List<JsonElement>> UrgentIsTheApisAsync(IPage page)
    {
        var work = JsonDocument.Parse(await (await page.Context.APIRequest.GetAsync("/api/v1/workbench")).TextAsync()).RootElement;
        var urgent = work.GetProperty("urgent").EnumerateArray().Select(u => u.GetProperty("ticket")).ToList();
        var rows = page.Locator("#wb-urgent tr.ant-table-row");
        await Assertions.Expect(rows).ToHaveCountAsync(urgent.Count);
        if (urgent.Count == 0) await Assertions.Expect(page.Locator("#wb-urgent-empty")).ToContainTextAsync("暂无待办");
        for (var i = 0; i < urgent.Count; i++)
            await Assertions.Expect(rows.Nth(i).Locator(".gg-ticket-link")).ToHaveTextAsync(urgent[i].GetProperty("number").GetString()!);
        await Assertions.Expect(page.Locator("#wb-urgent .gg-wb-overdue")).ToHaveCountAsync(urgent.Count(u => u.GetProperty("overdue").GetBoolean()));
        return urgent;
    }

    async Task<IPage> OpenAsync(string user)
    {
        var page = await app.LoginAsync(user);
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserApp.OpenAsync(page, "/");
        await Assertions.Expect(page.Locator(".ant-skeleton")).ToHaveCountAsync(0);
        return page;
    }

    // What the queues' API counts for the signed-in account, by queue.
    static async Task<Dictionary<string, Tally>> CountsAsync(IPage page)
    {
        var response = await page.Context.APIRequest.GetAsync("/api/v1/tickets/counts");
        if (response.Status == 403) return [];
        Assert.True(response.Ok, await response.TextAsync());
        return JsonDocument.Parse(await response.TextAsync()).RootElement.EnumerateArray().ToDictionary(c => c.GetProperty("queue").GetString()!,
            c => new Tally(c.GetProperty("count").GetInt32(), c.GetProperty("overdue").ValueKind == JsonValueKind.Number ? c.GetProperty("overdue").GetInt32() : null));
    }

    static Task<string[]> TilesAsync(IPage page) =>
        page.Locator("#wb-queues [data-queue]").EvaluateAllAsync<string[]>("ts => ts.map(t => t.dataset.queue)");

    // Nothing wider than an office screen of 1366 pixels.
    static async Task FitsAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "页面比 1366 像素的屏幕宽");
}
