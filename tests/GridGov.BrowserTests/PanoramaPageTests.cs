using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// 全景态势 at an office screen: drill down on the map from the city to a grid and back with the
// breadcrumb, the figures following; a ticket reported meanwhile shows without a reload; a patrol's
// track shows when 巡查轨迹 is ticked.
[Collection(BrowserCollection.Name)]
public sealed class PanoramaPageTests(BrowserApp app)
{
    static readonly string[] DrillPath = ["320102", "320102002", "320102002001", "320102002001001"];

    [Fact]
    public async Task The_city_drills_down_to_a_grid_and_back_with_its_figures()
    {
        // A ticket this year, so that the city has something to chart.
        await ReportAsync("小区南门路灯不亮，晚上很黑");
        var page = await app.LoginAsync("admin");
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserApp.OpenAsync(page, "/panorama");
        await Assertions.Expect(page.Locator("#pano-map[data-ready='11']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".gg-pano-crumb")).ToHaveTextAsync(["南京市"]);
        await Assertions.Expect(page.Locator("#children tbody tr")).ToHaveCountAsync(11);
        await Assertions.Expect(page.Locator("#chart-source svg")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#chart-state svg")).ToHaveCountAsync(1);
        await BrowserApp.ShotAsync(page, "panorama-city-1366");
        var people = new List<string> { await page.Locator("#fig-people b").InnerTextAsync() };

        for (var i = 0; i < DrillPath.Length; i++)
        {
            // Dispatched on the outline itself: a ticket's point may lie over the middle of a small district.
            await DrillAsync(page, DrillPath[i]);
            // Drawn for this unit: the page has settled, a click now is not lost in a re-render.
            await Assertions.Expect(page.Locator($"#pano-map[data-unit='{DrillPath[i]}']")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator(".gg-pano-crumb")).ToHaveCountAsync(i + 2);
            await Assertions.Expect(page.Locator(".gg-pano-crumb").Last).ToHaveAttributeAsync("data-code", DrillPath[i]);
            people.Add(await page.Locator("#fig-people b").InnerTextAsync());
        }
        await BrowserApp.ShotAsync(page, "panorama-grid-1366");
        // Each level down holds part of the people above it; the demo community has people, so the
        // figures are not the city's all the way down.
        var counts = people.Select(long.Parse).ToList();
        for (var i = 1; i < counts.Count; i++) Assert.True(counts[i] <= counts[i - 1], string.Join(" → ", counts));
        Assert.True(counts[^1] < counts[0] || counts[0] == 0, string.Join(" → ", counts));
        Assert.Equal(0, await page.Locator("#children").CountAsync());

        await page.Locator(".gg-pano-crumb").First.ClickAsync();
        await page.WaitForURLAsync("**/panorama?unit=3201");
        await Assertions.Expect(page.Locator("#pano-map[data-ready='11']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#fig-people b")).ToHaveTextAsync(people[0]);
    }

    // A live update (another test's ticket) redraws the map: a click that lands on the outline being
    // replaced is lost, as it would be for a person, who clicks again.
    static async Task DrillAsync(IPage page, string code)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator($"#pano-map path[data-code='{code}']").DispatchEventAsync("click");
            try { await page.WaitForURLAsync($"**/panorama?unit={code}", new() { Timeout = 10_000 }); return; }
            catch (TimeoutException) when (attempt < 3) { }
        }
    }

    [Fact]
    public async Task A_ticket_reported_through_the_api_shows_on_the_open_panorama()
    {
        var page = await app.LoginAsync("street");
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserApp.OpenAsync(page, "/panorama");
        await page.Locator(".ant-radio-button-wrapper", new() { HasText = "今日" }).ClickAsync();
        await Assertions.Expect(page.Locator("#pano-map[data-ready]")).ToBeVisibleAsync();
        var before = long.Parse(await page.Locator("#today-new .ant-statistic-content-value").InnerTextAsync());

        await ReportAsync("小区东门路灯不亮，晚上很黑");

        await Assertions.Expect(page.Locator("#today-new .ant-statistic-content-value")).ToHaveTextAsync((before + 1).ToString(), new() { Timeout = 8000 });
        await Assertions.Expect(page.Locator("#pano-map path.gg-ticket-point")).Not.ToHaveCountAsync(0);
        await BrowserApp.ShotAsync(page, "panorama-street-live-1366");
    }

    [Fact]
    public async Task Ticking_patrol_tracks_draws_the_patrols_of_the_street()
    {
        var patrol = await PatrolAsync();
        var page = await app.LoginAsync("street");
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserApp.OpenAsync(page, "/panorama");
        var map = page.Locator("#pano-map");
        await Assertions.Expect(page.Locator("#pano-map[data-ready]")).ToBeVisibleAsync();
        // Off by default: no line until the layer is ticked.
        await Assertions.Expect(map).ToHaveAttributeAsync("data-tracks", "0");
        var newToday = await page.Locator("#today-new .ant-statistic-content-value").InnerTextAsync();

        await page.Locator("#layer-tracks").ClickAsync();
        await Assertions.Expect(page.Locator($"#pano-map path.gg-track[data-patrol='{patrol}']")).ToHaveCountAsync(1);
        Assert.True(int.Parse((await map.GetAttributeAsync("data-tracks"))!) >= 1);
        // The tooltip names the worker and gives the length.
        await page.Locator($"#pano-map path.gg-track[data-patrol='{patrol}']").HoverAsync(new() { Force = true });
        await Assertions.Expect(page.Locator(".leaflet-tooltip", new() { HasText = "公里" })).ToContainTextAsync("公里");
        await Assertions.Expect(page.Locator("#today-new .ant-statistic-content-value")).ToHaveTextAsync(newToday);
        await BrowserApp.ShotAsync(page, "panorama-tracks-1366");

        await page.Locator("#layer-tracks").ClickAsync();
        await Assertions.Expect(page.Locator("#pano-map path.gg-track")).ToHaveCountAsync(0);
        await Assertions.Expect(map).ToHaveAttributeAsync("data-tracks", "0");
    }

    // The grid worker reports through the API, as the phone would.
    async Task ReportAsync(string text)
    {
        var (lon, lat) = await app.GridPointAsync("grid");
        using var http = await GridClientAsync();
        var made = await http.PostAsJsonAsync("/api/v1/tickets", new { categoryCode = "C0118", description = text, lon, lat });
        Assert.True(made.IsSuccessStatusCode, await made.Content.ReadAsStringAsync());
    }

    // The grid worker walks 150 m north through the grid, as the phone would record it; a patrol
    // left running by another test is ended first (one runs at a time).
    async Task<long> PatrolAsync()
    {
        var (lon, lat) = await app.GridPointAsync("grid");
        using var http = await GridClientAsync();
        var t0 = DateTime.UtcNow.AddMinutes(-5);
        var start = await http.PostAsJsonAsync("/api/v1/terminal/patrols", new { clientStartedAt = t0.ToString("O") });
        if (start.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            var running = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("patrolId").GetInt64();
            await http.PostAsJsonAsync($"/api/v1/terminal/patrols/{running}/end", new { });
            start = await http.PostAsJsonAsync("/api/v1/terminal/patrols", new { clientStartedAt = t0.ToString("O") });
        }
        Assert.True(start.IsSuccessStatusCode, await start.Content.ReadAsStringAsync());
        var id = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var points = Enumerable.Range(0, 4).Select(i => new { at = t0.AddMinutes(i + 0.5).ToString("O"), lon, lat = lat + i * 0.00045, accuracy = 10 }).ToArray();
        var added = await http.PostAsJsonAsync($"/api/v1/terminal/patrols/{id}/points", new { points });
        Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        Assert.True((await http.PostAsJsonAsync($"/api/v1/terminal/patrols/{id}/end", new { })).IsSuccessStatusCode);
        return id;
    }

    async Task<HttpClient> GridClientAsync()
    {
        var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "grid", password = app.Password("grid") });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return http;
    }
}
