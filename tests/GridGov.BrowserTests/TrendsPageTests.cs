using GridGov.Features.Identity;
using GridGov.Features.Organization;
using GridGov.Features.Tickets;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// 趋势分析 at 1366×768 as the street command centre: tickets of the last days (written as an import
// would) show in the chart and the table; by month and by source; the before/after comparison.
[Collection(BrowserCollection.Name)]
public sealed class TrendsPageTests(BrowserApp app)
{
    [Fact]
    public async Task The_street_sees_its_trend_by_day_and_month_split_by_source_and_before_after()
    {
        var today = ChinaTime.DateOf(DateTime.UtcNow);
        await using (var db = app.Services.GetRequiredService<GridDatabase>().CreateUnscoped(AuditActor.System))
        {
            // A grid of 兰园社区: the grid worker's community is 热点分析's, 大影壁 must stay empty.
            var community = await db.OrgUnits.Where(u => u.ParentCode == 320102002 && u.Name.StartsWith("兰园")).Select(u => u.Code).SingleAsync();
            var grid = await db.OrgUnits.Where(u => u.ParentCode == community).OrderBy(u => u.Code).Select(u => u.Code).FirstAsync();
            var category = await db.TicketCategories.Where(c => c.ParentCode != null).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            for (var i = 0; i < 6; i++)
            {
                var at = ChinaTime.ToUtc(today.AddDays(-2 - i % 3).ToDateTime(new TimeOnly(10, i)));
                db.Tickets.Add(new Ticket
                {
                    CategoryId = category, Description = "道路积水影响通行", GridCode = grid, CentreCode = OrgCode.Street(grid),
                    Source = i % 2 == 0 ? TicketSource.Hotline : TicketSource.Patrol, State = TicketState.Closed, ReportedAt = at, UpdatedAt = at,
                    ClosedAt = at.AddHours(3), AcceptLimit = "1h", DispatchLimit = "1h", HandleLimit = "1d", VerifyLimit = "1d",
                });
            }
            await db.SaveChangesAsync();
        }
        var page = await app.LoginAsync("street");
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserApp.OpenAsync(page, "/analytics/trends");
        await Assertions.Expect(page.Locator(".ant-card-head-title", new() { HasText = "趋势分析 · 梅园新村街道" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#trends-chart[data-chart] svg").First).ToBeVisibleAsync();
        Assert.True(await page.Locator("#trends-chart svg path").CountAsync() > 5);
        // 30 days, 10 to a page; the newest days carry the tickets just written.
        await Assertions.Expect(page.Locator("#trends-table tr.ant-table-row")).ToHaveCountAsync(10);
        var total = int.Parse((await page.Locator("#trends-summary .ant-statistic-content-value").First.InnerTextAsync()).Replace(",", ""));
        Assert.True(total >= 6, $"本期工单 {total}");
        await Assertions.Expect(page.Locator("#trends-summary")).ToContainTextAsync("环比");
        await Assertions.Expect(page.Locator("#ba-chart[data-chart] svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#ba-summary")).ToContainTextAsync("变化");
        await BrowserApp.ShotAsync(page, "trends-street-1366");

        await page.Locator("#trends-step label", new() { HasText = "按月" }).ClickAsync();
        await Assertions.Expect(page.Locator("#trends-table tr.ant-table-row", new() { HasText = today.ToString("yyyy-MM") })).ToHaveCountAsync(1);
        await page.Locator("#trends-by").ClickAsync();
        await page.Locator(".ant-select-item-option", new() { HasText = "按来源" }).ClickAsync();
        await Assertions.Expect(page.Locator("#trends-chart svg text", new() { HasText = "12345热线" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#trends-chart svg text", new() { HasText = "网格巡查" }).First).ToBeVisibleAsync();
        await BrowserApp.ShotAsync(page, "trends-month-source-1366");
    }
}
