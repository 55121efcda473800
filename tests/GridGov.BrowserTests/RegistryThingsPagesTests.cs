using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// The registry's smaller parts at the community desk (demo data of the first community): 居住证 with
// its warning cards and an expired permit in red, 部件 with its map and table, 养犬登记 with reminders.
[Collection(BrowserCollection.Name)]
public sealed class RegistryThingsPagesTests(BrowserApp app)
{
    [Fact]
    public async Task Permits_show_the_warning_cards_and_expired_permits_in_red()
    {
        var page = await app.LoginAsync("community");
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserApp.OpenAsync(page, "/registry/permits");
        await Assertions.Expect(page.Locator("#permits-cards")).ToContainTextAsync("30 天内到期");
        await Assertions.Expect(page.Locator("#permits-table .ant-table-row").First).ToBeVisibleAsync();
        await BrowserApp.ShotAsync(page, "registry-permits-1366");
        await page.Locator("#permits-card-Expired").ClickAsync();
        var expired = page.Locator("#permits-table .ant-table-row", new() { Has = page.Locator(".permit-status.ant-tag-red", new() { HasText = "已过期" }) }).First;
        await Assertions.Expect(expired).ToBeVisibleAsync();
        Assert.Contains("207, 19, 34", await expired.Locator(".permit-days").EvaluateAsync<string>("e => getComputedStyle(e).color"));
        await BrowserApp.ShotAsync(page, "registry-permits-expired");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Components_show_the_map_with_markers_and_the_table()
    {
        var page = await app.LoginAsync("community");
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserApp.OpenAsync(page, "/registry/components");
        await Assertions.Expect(page.Locator("#components-map[data-ready='1']")).ToBeAttachedAsync();
        Assert.True(int.Parse((await page.Locator("#components-map").GetAttributeAsync("data-markers"))!) > 100);
        await Assertions.Expect(page.Locator("#components-map path.leaflet-interactive").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#components-table .ant-table-row").First).ToBeVisibleAsync();
        await BrowserApp.ShotAsync(page, "registry-components-1366");
        await page.Locator("#components-counts .ant-tag", new() { HasText = "损坏" }).WaitForAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Dogs_show_their_reminders_as_tags()
    {
        var page = await app.LoginAsync("community");
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserApp.OpenAsync(page, "/registry/dogs");
        await Assertions.Expect(page.Locator("#dogs-table .ant-table-row").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#dogs-counts")).ToContainTextAsync("疫苗到期");
        await Assertions.Expect(page.Locator("#dogs-table .dog-reminder").First).ToBeVisibleAsync();
        await BrowserApp.ShotAsync(page, "registry-dogs-1366");
        await page.Context.CloseAsync();
    }
}
