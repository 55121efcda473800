using Microsoft.Playwright;

namespace GridGov.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class OrgTreeTests(BrowserApp app)
{
    [Fact]
    public async Task A_district_user_drills_down_on_the_map_from_district_to_grid()
    {
        var page = await app.LoginAsync("district");
        await BrowserApp.OpenAsync(page, "/org");
        // The district is the top of this account's view; its streets are drawn on the map.
        await Assertions.Expect(page.Locator("#unit-title")).ToHaveTextAsync("玄武区");
        await page.WaitForSelectorAsync("#org-map path[data-code]");
        await BrowserApp.ShotAsync(page, "org-1-district");

        foreach (var (code, title) in new[] { ("320102002", "梅园新村街道"), ("320102002001", "梅园新村社区居委会"), ("320102002001001", "梅园新村社区第1网格") })
        {
            await page.Locator($"#org-map path[data-code='{code}']").ClickAsync();
            await Assertions.Expect(page.Locator("#unit-title")).ToHaveTextAsync(title);
            await page.WaitForURLAsync($"**/org?unit={code}");
            if (code.Length < 15) await page.WaitForSelectorAsync("#org-map path[data-code]");
            await BrowserApp.ShotAsync(page, $"org-{code.Length}-{code}");
        }
        // The tree has followed the map down to the grid, and marks it.
        await Assertions.Expect(page.Locator("#org-tree .gg-tree-current")).ToHaveTextAsync("梅园新村社区第1网格");
        // The breadcrumb leads back up, but never above the account's own district.
        var crumbs = await page.Locator(".ant-breadcrumb a").AllInnerTextsAsync();
        Assert.Equal(["玄武区", "梅园新村街道", "梅园新村社区居委会", "梅园新村社区第1网格"], crumbs);
    }

    [Fact]
    public async Task A_unit_outside_the_scope_is_not_shown()
    {
        var page = await app.LoginAsync("street");
        await BrowserApp.OpenAsync(page, "/org?unit=320102003");
        // Redirected to the top of its own view.
        await Assertions.Expect(page.Locator("#unit-title")).ToHaveTextAsync("梅园新村街道");
        Assert.DoesNotContain("320102003", page.Url.Replace("/org?unit=320102003", ""));
    }
}
