using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// The 403 answer offers the way back to the page before and to the workbench (the 404 content is the same part, WayBack).
[Collection(BrowserCollection.Name)]
public sealed class WayBackTests(BrowserApp app)
{
    [Fact]
    public async Task A_refused_page_leads_home()
    {
        var page = await app.LoginAsync("grid");
        await BrowserApp.OpenAsync(page, "/admin/users");
        await Assertions.Expect(page.Locator(".ant-result-title")).ToHaveTextAsync("没有权限");
        await Assertions.Expect(page.Locator("#way-back")).ToHaveTextAsync("返回上一页");
        await BrowserApp.ShotAsync(page, "denied");
        await page.ClickAsync("#way-home");
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/");
    }
}
