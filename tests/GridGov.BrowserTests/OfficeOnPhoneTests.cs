using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// An office account on a phone: login leads to the terminal; the office pages still work there,
// with the menu hidden until asked for and nothing wider than the screen.
[Collection(BrowserCollection.Name)]
public sealed class OfficeOnPhoneTests(BrowserApp app)
{
    [Fact]
    public async Task The_office_pages_fit_a_phone_with_the_menu_folded_away()
    {
        var (lon, lat) = await app.GridPointAsync("grid");
        var page = await app.PhoneAsync("street", lon, lat);
        Assert.EndsWith("/m", page.Url);
        await page.GotoAsync("/tickets");
        await page.Locator("#gg-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var sider = page.Locator(".gg-sider");
        Assert.Equal(0, (await sider.BoundingBoxAsync())!.Width);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the page is wider than the phone");
        await BrowserApp.ShotAsync(page, "office-phone-tickets");
        // The menu opens over the page from its tab.
        await page.Locator("#menu-toggle").TapAsync();
        await Assertions.Expect(sider).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("^(?!.*ant-layout-sider-collapsed)"));
        await Assertions.Expect(page.Locator(".gg-sider .ant-menu-root")).ToBeVisibleAsync();
        await BrowserApp.ShotAsync(page, "office-phone-menu");
        await page.Context.CloseAsync();
    }
}
