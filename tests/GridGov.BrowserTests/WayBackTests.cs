using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// The 403 and 404 answers offer the way back to the page before and to the workbench.
[Collection(BrowserCollection.Name)]
public sealed class WayBackTests(BrowserApp app)
{
    [Fact]
    public async Task A_missing_page_leads_back_and_home()
    {
        var page = await app.LoginAsync("street");
        await BrowserApp.OpenAsync(page, "/org");
        // A missing page is rendered statically (no circuit): the links work without one.
        await page.GotoAsync("/no-such-page");
        await Assertions.Expect(page.Locator(".ant-result-title")).ToHaveTextAsync("页面不存在");
        await BrowserApp.ShotAsync(page, "not-found");
        await page.ClickAsync("#way-back");
        await page.WaitForURLAsync(u => u.EndsWith("/org"));

        await page.GotoAsync("/no-such-page");
        await page.ClickAsync("#way-home");
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/");
    }

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
