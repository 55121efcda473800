using Microsoft.Playwright;

namespace GridGov.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AdminPagesTests(BrowserApp app)
{
    [Fact]
    public async Task The_district_admin_creates_a_grid_worker_who_can_then_log_in()
    {
        var page = await app.LoginAsync("district");
        await BrowserApp.OpenAsync(page, "/admin/users");
        await page.WaitForSelectorAsync("#users-table .ant-table-row");
        await page.ClickAsync("#user-new");
        await page.FillAsync("#f-userName", "wang_wg");
        await page.FillAsync("#f-displayName", "王网格");

        // The unit is picked in the org tree: 梅园新村街道 → 梅园新村社区 → its second grid.
        var form = page.Locator("#user-form");
        var tree = page.Locator("#unit-tree");
        await Expand(tree, "梅园新村街道");
        await Expand(tree, "梅园新村社区居委会");
        await tree.Locator(".gg-tree-title", new() { HasText = "梅园新村社区第2网格" }).ClickAsync();
        await Assertions.Expect(form.Locator(".gg-picker-chosen")).ToContainTextAsync("梅园新村社区第2网格");
        await form.Locator(".ant-select-selector").Last.ClickAsync();
        await page.Locator(".ant-select-item-option", new() { HasText = "网格员" }).ClickAsync();
        await BrowserApp.ShotAsync(page, "users-1-new");
        await page.Locator(".ant-modal-footer .ant-btn-primary").First.ClickAsync();

        var password = page.Locator("#new-password");
        await Assertions.Expect(password).ToBeVisibleAsync();
        var generated = (await password.InnerTextAsync()).Trim();
        await BrowserApp.ShotAsync(page, "users-2-password");
        await page.Keyboard.PressAsync("Escape");
        var row = page.Locator("#users-table .ant-table-row", new() { HasText = "王网格" });
        await Assertions.Expect(row).ToContainTextAsync("梅园新村社区第2网格");
        await BrowserApp.ShotAsync(page, "users-3-list");

        var worker = await app.LoginAsync("wang_wg", generated);
        await Assertions.Expect(worker.Locator("#current-user")).ToContainTextAsync("王网格");
    }

    static async Task Expand(ILocator tree, string title)
    {
        var node = tree.Locator(".ant-tree-treenode", new() { Has = tree.Page.Locator(".gg-tree-title", new() { HasTextString = title }) }).Last;
        await node.Locator(".ant-tree-switcher").ClickAsync();
        await Assertions.Expect(node).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("ant-tree-treenode-switcher-open"));
    }

    [Fact]
    public async Task A_wrong_password_is_explained_on_the_login_page()
    {
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/org");
        await page.WaitForURLAsync("**/account/login**");
        await page.FillAsync("#userName", "street");
        await page.FillAsync("#password", "not-the-password-1");
        await page.ClickAsync("#login-submit");
        await Assertions.Expect(page.Locator("#login-error")).ToContainTextAsync("用户名或密码错误");
        await BrowserApp.ShotAsync(page, "login-error");
    }

    [Fact]
    public async Task The_admin_sees_roles_and_verifies_the_audit_chain()
    {
        var page = await app.LoginAsync("admin");
        await BrowserApp.OpenAsync(page, "/admin/roles");
        await Assertions.Expect(page.Locator("#roles-table")).ToContainTextAsync("网格员");
        await BrowserApp.ShotAsync(page, "roles");

        await BrowserApp.OpenAsync(page, "/admin/audit");
        await page.WaitForSelectorAsync("#audit-table .ant-table-row");
        await page.ClickAsync("#audit-verify");
        await Assertions.Expect(page.Locator("#audit-verify-result")).ToContainTextAsync("审计链完整");
        await page.Locator("#audit-table .ant-table-row-expand-icon").First.ClickAsync();
        await BrowserApp.ShotAsync(page, "audit");
    }

    [Fact]
    public async Task A_grid_worker_is_refused_the_user_pages()
    {
        var page = await app.LoginAsync("grid");
        await BrowserApp.OpenAsync(page, "/admin/users");
        await Assertions.Expect(page.Locator(".ant-result-title")).ToHaveTextAsync("没有权限");
    }
}
