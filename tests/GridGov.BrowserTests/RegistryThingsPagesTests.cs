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
}
