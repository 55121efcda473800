using GridGov.Features.Analytics.Keywords;
using GridGov.Features.Identity;
using GridGov.Features.Tickets;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace GridGov.BrowserTests;

// 热点分析 at 1366×768 as the street command centre: the last 30 days of its grid worker's grid (reports
// written straight into the database, as an import of hotline records would, then indexed), the bars
// and the table, the rises, a keyword's trend and tickets, 导出, and a community without tickets.
[Collection(BrowserCollection.Name)]
public sealed class KeywordsPageTests(BrowserApp app)
{
    static readonly (string Text, int Count, int DaysAgo)[] Reports =
    [
        ("中山东路{0}号门口流动摊贩占道经营", 8, 3), ("山东路菜场门口占道经营", 1, 4), ("酒吧深夜噪音扰民", 6, 5), ("垃圾满溢臭气熏天", 6, 2),
        ("高空抛物砸到电动车", 3, 9), ("人行道井盖缺失", 2, 12),
        // The 30 days before: fewer overflowing bins, more missing covers, cluttered stairs.
        ("垃圾满溢没人清运", 2, 40), ("人行道井盖缺失", 4, 45), ("楼道堆物堵塞通道", 3, 50),
    ];

    async Task ArrangeAsync()
    {
        await using (var db = app.Services.GetRequiredService<GridDatabase>().CreateUnscoped(AuditActor.System))
        {
            var grid = await db.Users.Where(u => u.UserName == "grid").Select(u => u.OrgUnitCode).SingleAsync();
            var category = await db.TicketCategories.Where(c => c.ParentCode != null).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            var today = ChinaTime.DateOf(DateTime.UtcNow);
            foreach (var (text, count, ago) in Reports)
                for (var i = 0; i < count; i++)
                {
                    var at = ChinaTime.ToUtc(today.AddDays(-ago - i).ToDateTime(new TimeOnly(9 + i, 0)));
                    db.Tickets.Add(new Ticket
                    {
                        CategoryId = category, Description = string.Format(text, 10 + i), GridCode = grid, CentreCode = OrgCode.Street(grid),
                        Source = TicketSource.Hotline, State = TicketState.Closed, ReportedAt = at, UpdatedAt = at, ClosedAt = at.AddHours(5),
                        AcceptLimit = "1h", DispatchLimit = "1h", HandleLimit = "1d", VerifyLimit = "1d",
                    });
                }
            await db.SaveChangesAsync();
        }
        await app.Services.GetRequiredService<KeywordIndexer>().RunOnceAsync(settle: TimeSpan.Zero);
    }

    static Task<T> ChartAsync<T>(IPage page, string id, string expression) =>
        page.EvaluateAsync<T>($"() => {{ const o = echarts.getInstanceByDom(document.getElementById('{id}')).getOption(); return {expression}; }}");

    [Fact]
    public async Task The_keyword_page_charts_the_words_and_opens_a_words_trend_and_tickets()
    {
        await ArrangeAsync();
        var page = await app.LoginAsync("street");
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserApp.OpenAsync(page, "/analytics/keywords");
        // The grid worker's community: other tests write tickets elsewhere in the street (warnings).
        await page.Locator("#keywords-unit-tree .gg-tree-title", new() { HasText = "梅园新村社区" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ant-card-head-title", new() { HasText = "梅园新村社区" })).ToBeVisibleAsync();

        var table = page.Locator("#keywords-table");
        await Assertions.Expect(table.Locator("tr.ant-table-row").First).ToContainTextAsync("占道经营");
        await Assertions.Expect(page.Locator("#keywords-chart canvas")).ToHaveCountAsync(1);
        // Nothing left loading, not even in the closed drawer.
        await Assertions.Expect(page.Locator(".ant-skeleton, .ant-spin-spinning")).ToHaveCountAsync(0);
        Assert.Equal("保存为图片", await ChartAsync<string>(page, "keywords-chart", "o.toolbox[0].feature.saveAsImage.title"));
        var bars = await ChartAsync<string[]>(page, "keywords-chart", "o.yAxis[0].data");
        Assert.Equal("占道经营", bars[0]);
        Assert.Contains("垃圾满溢", bars);
        Assert.DoesNotContain(bars, w => w is "山东" or "中山" or "东路" or "门口");
        await Assertions.Expect(page.Locator("#keywords-rises")).ToContainTextAsync("垃圾满溢");
        await Assertions.Expect(page.Locator("#keywords-rises")).ToContainTextAsync("新出现");
        await Assertions.Expect(page.Locator("#keywords-menu, .ant-menu-submenu-title", new() { HasText = "统计分析" }).First).ToBeVisibleAsync();
        // Fits the office screen: no sideways scrolling, the toolbar on one line.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 1366"));
        Assert.True((await page.Locator("#keywords-toolbar").BoundingBoxAsync())!.Height < 48);
        await BrowserApp.ShotAsync(page, "keywords-page-1366");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#keywords-toolbar-export"));
        Assert.StartsWith("热点关键词-", download.SuggestedFilename);
        var path = Path.Combine(BrowserApp.Screenshots, "keywords-export.xlsx");
        await download.SaveAsAsync(path);
        var rows = MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("占道经营", rows[0]["关键词"]?.ToString());
        Assert.Contains(rows, r => r["关键词"]?.ToString() == "垃圾满溢" && r["环比"]?.ToString() == "+200.0%");

        await page.Locator("#keywords-rises a.gg-kw-word", new() { HasText = "垃圾满溢" }).ClickAsync();
        var detail = page.Locator("#keyword-detail");
        await Assertions.Expect(page.Locator("#keyword-trend canvas")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#keyword-tickets tr.ant-table-row")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("#keyword-tickets a[href^='/tickets/']").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".ant-drawer-title")).ToContainTextAsync("垃圾满溢");
        Assert.Equal("保存为图片", await ChartAsync<string>(page, "keyword-trend", "o.toolbox[0].feature.saveAsImage.title"));
        Assert.Equal(6, await ChartAsync<int>(page, "keyword-trend", "o.series[0].data.reduce((a, b) => a + b, 0)"));
        await BrowserApp.ShotAsync(page, "keywords-detail-1366");
        var href = await page.Locator("#keyword-tickets a[href^='/tickets/']").First.GetAttributeAsync("href");
        await page.Locator(".ant-drawer-close").ClickAsync();

        // A community without tickets says so instead of drawing empty charts.
        await page.Locator("#keywords-unit-tree .gg-tree-title", new() { HasText = "大影壁" }).ClickAsync();
        await Assertions.Expect(page.Locator("#keywords-empty")).ToContainTextAsync("所选单位在该期间没有工单");
        await BrowserApp.ShotAsync(page, "keywords-empty-1366");

        await page.GotoAsync(href!);
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("垃圾满溢");
        await page.Context.CloseAsync();
    }
}
