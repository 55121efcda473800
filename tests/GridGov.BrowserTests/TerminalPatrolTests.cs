using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// 网格巡查 on a phone over a weak network: a patrol started, walked, carried on through a dead spot
// (the points wait on the phone), ended back online; the server has every point, those recorded
// offline included, and a distance; the community's director sees the track on 巡查轨迹 at a desk.
[Collection(BrowserCollection.Name)]
public sealed class TerminalPatrolTests(BrowserApp app)
{
    // 0.000225° of latitude is about 25 m: a few seconds' walk.
    const double Step = 0.000225;

    static Task NetworkAsync(ICDPSession cdp, bool offline) => cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
    {
        ["offline"] = offline, ["latency"] = 300, ["downloadThroughput"] = 750 * 1024 / 8, ["uploadThroughput"] = 250 * 1024 / 8,
    });

    [Fact]
    public async Task A_worker_patrols_through_a_dead_spot_and_the_director_sees_the_track()
    {
        var (lon, lat) = await app.GridPointAsync("grid");
        var page = await app.PhoneAsync("grid", lon, lat);
        page.Dialog += (_, d) => d.AcceptAsync();
        var cdp = await BrowserApp.ThrottleAsync(page);
        await page.GotoAsync("/m/patrol");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("网格巡查");
        await Assertions.Expect(page.Locator("#m-patrol-start")).ToBeEnabledAsync();

        var points = page.Locator("#m-patrol-points");
        var moved = 0;
        async Task MoveAsync()
        {
            // Slow enough to be walking (25 m in 3.5 s), far enough to be kept (over 20 m).
            await page.WaitForTimeoutAsync(3500);
            moved++;
            await page.Context.SetGeolocationAsync(new() { Longitude = (float)lon, Latitude = (float)(lat + moved * Step), Accuracy = 12 });
            await Assertions.Expect(points).ToHaveTextAsync((moved + 1).ToString(), new() { Timeout = 15000 });
        }

        await page.ClickAsync("#m-patrol-start");
        await Assertions.Expect(page.Locator("#m-patrol-run")).ToBeVisibleAsync();
        await Assertions.Expect(points).ToHaveTextAsync("1", new() { Timeout = 15000 });
        await Assertions.Expect(page.Locator("#m-patrol")).ToHaveAttributeAsync("data-patrol-id", new Regex(@"^\d+$"), new() { Timeout = 20000 });
        var id = long.Parse((await page.Locator("#m-patrol").GetAttributeAsync("data-patrol-id"))!);
        for (var i = 0; i < 3; i++) await MoveAsync();
        await BrowserApp.ShotAsync(page, "m-patrol-running");

        // A dead spot: the points are kept on the phone, and after half a minute go into the outbox.
        await NetworkAsync(cdp, offline: true);
        await Assertions.Expect(page.Locator("#m-net")).ToBeVisibleAsync();
        var offlineFrom = DateTime.UtcNow;
        await MoveAsync();
        await MoveAsync();
        var offlineTo = DateTime.UtcNow;
        Assert.True(int.Parse(await page.Locator("#m-patrol-waiting").InnerTextAsync()) >= 2);
        await Assertions.Expect(page.Locator(".m-tabs [data-outbox-count]")).ToBeVisibleAsync(new() { Timeout = 40000 });
        await BrowserApp.ShotAsync(page, "m-patrol-offline");

        await NetworkAsync(cdp, offline: false);
        await Assertions.Expect(page.Locator("#m-net")).ToBeHiddenAsync();
        await MoveAsync();
        Assert.Equal(7, moved + 1);
        await page.FillAsync("#m-patrol-note", "途经小区正常");
        await page.ClickAsync("#m-patrol-end");

        // Back on the page after the end is sent: the patrol is in today's list.
        await Assertions.Expect(page.Locator($"#m-patrol-today [data-patrol='{id}']")).ToBeVisibleAsync(new() { Timeout = 40000 });
        await Assertions.Expect(page.Locator("#m-patrol-idle")).ToBeVisibleAsync();
        JsonElement patrol = default;
        for (var i = 0; i < 30; i++)
        {
            var r = await page.Context.APIRequest.GetAsync($"/api/v1/terminal/patrols/{id}");
            patrol = JsonDocument.Parse(await r.TextAsync()).RootElement;
            if (patrol.GetProperty("points").GetArrayLength() == 7 && patrol.GetProperty("patrol").GetProperty("endedAt").ValueKind != JsonValueKind.Null) break;
            await page.WaitForTimeoutAsync(1000);
        }
        var stored = patrol.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("at").GetDateTime().ToUniversalTime()).ToList();
        Assert.Equal(7, stored.Count);
        Assert.True(stored.Count(t => t >= offlineFrom && t <= offlineTo) >= 2, "the points recorded offline are stored");
        var summary = patrol.GetProperty("patrol");
        Assert.False(summary.GetProperty("running").GetBoolean());
        Assert.Equal(7, summary.GetProperty("pointCount").GetInt32());
        Assert.InRange(summary.GetProperty("distanceMeters").GetDouble(), 140, 160);
        Assert.Equal("途经小区正常", patrol.GetProperty("note").GetString());
        await Assertions.Expect(page.Locator("#m-outbox-empty, .m-tabs [data-outbox-count][hidden]").First).ToBeAttachedAsync();
        await BrowserApp.ShotAsync(page, "m-patrol-done");

        await page.GotoAsync($"/m/patrol/{id}");
        await Assertions.Expect(page.Locator("#m-patrol-track")).ToHaveAttributeAsync("data-points", "7");
        await Assertions.Expect(page.Locator("#m-patrol-track polyline")).ToHaveCountAsync(1);
        await BrowserApp.ShotAsync(page, "m-patrol-detail");
        await page.Context.CloseAsync();

        // The community's director at a 1366×768 desk.
        var desk = await app.LoginAsync("community");
        await desk.SetViewportSizeAsync(1366, 768);
        await Assertions.Expect(desk.Locator(".ant-menu").GetByText("网格工作")).ToBeVisibleAsync();
        await BrowserApp.OpenAsync(desk, "/patrols");
        await Assertions.Expect(desk.Locator("#patrols-map")).ToHaveAttributeAsync("data-ready", "1", new() { Timeout = 20000 });
        Assert.True(int.Parse((await desk.Locator("#patrols-map").GetAttributeAsync("data-tracks"))!) >= 1);
        await Assertions.Expect(desk.Locator($"#patrols-map path[data-patrol='{id}']")).ToHaveCountAsync(1);
        var worker = summary.GetProperty("workerName").GetString()!;
        var row = desk.Locator("#patrols-table tr.ant-table-row", new() { HasText = worker }).First;
        await Assertions.Expect(row).ToContainTextAsync("米");
        await Assertions.Expect(desk.Locator("#patrols-toolbar-total")).ToContainTextAsync("共");
        await Assertions.Expect(desk.Locator("#patrols-coverage tr.ant-table-row").First).ToBeVisibleAsync();
        await Assertions.Expect(desk.Locator("#patrols-coverage tr.gg-row-uncovered").First).ToContainTextAsync("未巡查");
        await BrowserApp.ShotAsync(desk, "patrols-1366");
        // A row picked: its track in view.
        await row.ClickAsync();
        await BrowserApp.ShotAsync(desk, "patrols-1366-focus");
        var toolbar = await desk.Locator("#patrols-toolbar").BoundingBoxAsync();
        Assert.True(toolbar!.Height < 60, "the toolbar fits on one line");
    }
}
