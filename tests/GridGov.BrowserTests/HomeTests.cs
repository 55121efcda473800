using Microsoft.Playwright;

namespace GridGov.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class HomeTests(BrowserApp app)
{
    [Fact]
    public async Task The_admin_sees_nanjing_on_the_workbench_and_on_the_map()
    {
        var page = await app.LoginAsync("admin");
        await Assertions.Expect(page.Locator("#area-overview .ant-card-head-title").First).ToContainTextAsync("南京市");
        await Assertions.Expect(page.Locator("#area-overview .ant-statistic-content-value").Nth(2)).ToContainTextAsync("1,322");
        // The chart of the districts is drawn (SVG: its labels are text in the page).
        await Assertions.Expect(page.Locator("#chart-3201 svg text", new() { HasText = "江宁区" })).ToHaveCountAsync(1);
        await BrowserApp.ShotAsync(page, "home-admin");

        await BrowserApp.OpenAsync(page, "/org");
        await Assertions.Expect(page.Locator("#unit-title")).ToHaveTextAsync("南京市");
        await Assertions.Expect(page.Locator("#org-map path[data-code]")).ToHaveCountAsync(11);
        await BrowserApp.ShotAsync(page, "org-city");
    }

    [Fact]
    public async Task Areas_still_under_construction_say_so_without_fake_data()
    {
        var page = await app.LoginAsync("street");
        await BrowserApp.OpenAsync(page, "/analytics");
        await Assertions.Expect(page.Locator(".ant-result-title")).ToContainTextAsync("统计分析：建设中");
    }

    [Fact]
    public async Task A_user_changes_the_generated_password_from_the_header()
    {
        var page = await app.LoginAsync("auditor");
        await page.ClickAsync("#change-password");
        await page.FillAsync("#currentPassword", app.Password("auditor"));
        await page.FillAsync("#newPassword", "Auditor-new-2026");
        await page.FillAsync("#confirmPassword", "Auditor-new-2026");
        await page.ClickAsync("#password-submit");
        await Assertions.Expect(page.Locator("#password-done")).ToContainTextAsync("密码已修改");
        await BrowserApp.ShotAsync(page, "password-changed");
        app.Passwords["auditor"] = "Auditor-new-2026";
    }
}
