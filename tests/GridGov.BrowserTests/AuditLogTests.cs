using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// The audit log as the auditor reads it: Chinese names only, a login as 登录成功, filters, and a
// table that fits the office screen.
[Collection(BrowserCollection.Name)]
public sealed class AuditLogTests(BrowserApp app)
{
    static readonly string[] DatabaseNames = ["ConcurrencyStamp", "RoleId", "AccessFailedCount", "SecurityStamp", "PasswordHash",
        "NormalizedUserName", "UserId", "AppUser", "IdentityUserRole", "LastLoginAt", "Create", "Update", "anonymous"];

    static async Task ExpectNoDatabaseNames(IPage page)
    {
        var text = await page.Locator("#audit-table").InnerTextAsync();
        foreach (var name in DatabaseNames) Assert.DoesNotContain(name, text);
    }

    [Fact]
    public async Task The_auditor_reads_logins_and_changes_in_chinese_and_filters_them()
    {
        var page = await app.LoginAsync("auditor");
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserApp.OpenAsync(page, "/admin/audit");
        await Assertions.Expect(page.Locator("#audit-table .ant-table-row").First).ToBeVisibleAsync();
        await ExpectNoDatabaseNames(page);

        // Who: the auditor's own sign-in reads 登录成功, with the account as the actor.
        await page.FillAsync("#audit-actor", "auditor");
        await page.ClickAsync("#audit-toolbar-search");
        var login = page.Locator("#audit-table .ant-table-row").Filter(new() { HasText = "登录成功" }).First;
        await Assertions.Expect(login).ToBeVisibleAsync();
        await Assertions.Expect(login).ToContainTextAsync("auditor");
        await Assertions.Expect(page.Locator("#audit-toolbar-total")).ToHaveTextAsync(new Regex(@"^共 [\d,]+ 条$"));
        var rows = await page.Locator("#audit-table .ant-table-row").AllInnerTextsAsync();
        Assert.All(rows, r => Assert.Contains("auditor", r));

        // What: the accounts' changes (made at the first start), opened field by field.
        await page.FillAsync("#audit-actor", "");
        await page.FillAsync("#audit-object", "auditor");
        await page.ClickAsync("#audit-toolbar-search");
        await Assertions.Expect(page.Locator("#audit-table .ant-table-row").Filter(new() { HasText = "用户「" }).First).ToBeVisibleAsync();
        await page.Locator("#audit-table .ant-table-row-expand-icon").First.ClickAsync();
        await Assertions.Expect(page.Locator("#audit-table .gg-diff").First).ToBeVisibleAsync();
        await ExpectNoDatabaseNames(page);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        await BrowserApp.ShotAsync(page, "audit-log-1366");
    }
}
