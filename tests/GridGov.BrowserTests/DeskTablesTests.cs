using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// Lists that fit the office screens (issue 11): the key columns of the ticket queue and of user
// management lie inside the viewport, with no sideways scrolling, at both common sizes.
[Collection(BrowserCollection.Name)]
public sealed class DeskTablesTests(BrowserApp app)
{
    readonly DeskData data = new(app);

    static async Task ExpectInside(IPage page, ILocator item, string what)
    {
        await Assertions.Expect(item).ToBeVisibleAsync();
        var box = await item.BoundingBoxAsync();
        var width = page.ViewportSize!.Width;
        Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= width + 0.5,
            $"{what}: {box?.X}+{box?.Width} outside the viewport of {width}");
    }

    static async Task ExpectNoSidewaysScroll(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "the page scrolls sideways");

    static ILocator Header(IPage page, string table, string title) =>
        page.Locator($"#{table} th.ant-table-cell").Filter(new() { HasTextRegex = new($"^\\s*{title}\\s*$") });

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(1440, 900)]
    public async Task The_queue_shows_its_key_columns_and_one_row_of_tiles(int width, int height)
    {
        var marker = "适屏" + Random.Shared.Next(100_000, 1_000_000);
        var street = await data.ClientAsync("street");
        var (own, _) = await data.PointsAsync();
        await data.ReportAsync(street, $"{marker}梅园新村十二号楼东侧垃圾堆放三天无人清运，气味很大，居民多次反映，请尽快安排清运并对周边冲洗消毒", own);
        await data.ReportAsync(street, $"{marker}路灯不亮", own);

        var page = await app.LoginAsync("street");
        await page.SetViewportSizeAsync(width, height);
        await BrowserApp.OpenAsync(page, "/tickets?queue=Reported");
        await page.FillAsync("#tickets-keyword", marker);
        await page.PressAsync("#tickets-keyword", "Enter");
        await Assertions.Expect(page.Locator("#tickets-toolbar-total")).ToHaveTextAsync("共 2 条");
        await Assertions.Expect(page.Locator("#tickets-table .ant-table-row")).ToHaveCountAsync(2);

        foreach (var title in new[] { "编号", "类别", "描述", "状态", "上报时间", "时限", "督办" })
            await ExpectInside(page, Header(page, "tickets-table", title), title);
        var row = page.Locator("#tickets-table .ant-table-row").First;
        await ExpectInside(page, row.Locator("td").Last, "督办 cell");
        // The long description is cut, and whole in its tooltip.
        var description = page.Locator("#tickets-table .gg-ellipsis[title*='气味很大']");
        await Assertions.Expect(description).ToHaveCountAsync(1);
        await ExpectNoSidewaysScroll(page);

        // All tiles on one row: 全部 is not alone below.
        var tops = new List<double>();
        foreach (var tile in await page.Locator("#queue-tiles .gg-tile").AllAsync()) tops.Add((await tile.BoundingBoxAsync())!.Y);
        Assert.True(tops.Count >= 11 && tops.Distinct().Count() == 1, $"tiles on {tops.Distinct().Count()} rows");
        await ExpectInside(page, page.Locator("#queue-tiles [data-queue=All]"), "全部");
        await BrowserApp.ShotAsync(page, $"desk-queue-{width}x{height}");

        // The column picker adds a column; the key ones stay inside.
        await page.ClickAsync("#tickets-toolbar-columns-button");
        await page.Locator("#tickets-toolbar-columns [data-column=grid]").Or(page.Locator("#tickets-toolbar-columns label").Filter(new() { HasText = "网格" })).First.ClickAsync();
        await Assertions.Expect(Header(page, "tickets-table", "网格")).ToBeVisibleAsync();
        await ExpectInside(page, Header(page, "tickets-table", "督办"), "督办 with 网格 shown");

        // An empty result: an empty state, no pager.
        await page.FillAsync("#tickets-keyword", marker + "无此事件");
        await page.PressAsync("#tickets-keyword", "Enter");
        await Assertions.Expect(page.Locator("#tickets-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#tickets-table .ant-pagination")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#tickets-toolbar-total")).ToHaveTextAsync("共 0 条");
        await page.ClickAsync("#tickets-toolbar-reset");
        await Assertions.Expect(page.Locator("#tickets-keyword")).ToHaveValueAsync("");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(1440, 900)]
    public async Task User_management_shows_its_key_columns_and_the_action_buttons(int width, int height)
    {
        var page = await app.LoginAsync("admin");
        await page.SetViewportSizeAsync(width, height);
        await BrowserApp.OpenAsync(page, "/admin/users");
        var rows = page.Locator("#users-table .ant-table-row");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        foreach (var title in new[] { "用户名", "姓名", "单位", "角色", "状态", "操作" })
            await ExpectInside(page, Header(page, "users-table", title), title);
        var first = rows.First;
        foreach (var (css, what) in new[] { (".user-edit", "编辑"), (".user-toggle", "停用"), (".user-reset", "重置密码") })
            await ExpectInside(page, first.Locator(css), what);
        await Assertions.Expect(first.Locator(".user-reset")).ToHaveTextAsync("重置密码");
        await ExpectNoSidewaysScroll(page);
        await Assertions.Expect(page.Locator("#users-toolbar-total")).ToContainTextAsync("共");
        await BrowserApp.ShotAsync(page, $"desk-users-{width}x{height}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_sidebar_stays_collapsed_across_page_loads()
    {
        var page = await app.LoginAsync("chief");
        var sider = page.Locator(".gg-sider");
        await Assertions.Expect(sider).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("ant-layout-sider-collapsed"));
        await page.ClickAsync(".gg-sider .ant-layout-sider-trigger");
        await Assertions.Expect(sider).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("ant-layout-sider-collapsed"));
        // Remembered once the click is done (the cookie is written by the page).
        await page.WaitForFunctionAsync("() => document.cookie.includes('gg-sider=1')");

        await page.ReloadAsync();
        // Collapsed already as the server draws it, and still once the page is live.
        await Assertions.Expect(sider).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("ant-layout-sider-collapsed"));
        await page.Locator("#gg-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await BrowserApp.OpenAsync(page, "/tickets");
        await Assertions.Expect(sider).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("ant-layout-sider-collapsed"));
        await BrowserApp.ShotAsync(page, "desk-sider-collapsed");

        await page.ClickAsync(".gg-sider .ant-layout-sider-trigger");
        await page.WaitForFunctionAsync("() => document.cookie.includes('gg-sider=0')");
        await page.ReloadAsync();
        await page.Locator("#gg-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(sider).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("ant-layout-sider-collapsed"));
        await page.Context.CloseAsync();
    }
}
