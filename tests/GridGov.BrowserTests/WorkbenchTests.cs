using Microsoft.Playwright;

namespace GridGov.BrowserTests;

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
        await BrowserApp.ShotAsync(page, "home-grid-1366");
    }

    [Fact]
    public async Task The_street_workbench_charts_only_what_differs()
    {
        var page = await app.LoginAsync("street");
        await Assertions.Expect(page.Locator(".ant-card-head-title").First).ToContainTextAsync("街道");
        // Every community is one community: that series is left out; the grids per community stay
        // when they differ, else there is no chart at all.
        await Assertions.Expect(page.Locator(".gg-chart-title", new() { HasText = "社区（村）" })).ToHaveCountAsync(0);
        await BrowserApp.ShotAsync(page, "home-street");
    }
}
