using GridGov.Features.Identity;
using GridGov.Features.Organization;
using GridGov.Features.Tickets;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// 关联分析 at 1366×768 as the street command centre: hotline complaints about a class patrols never
// reported show as a 巡查盲区, the chart of sources per category renders, both tables export.
[Collection(BrowserCollection.Name)]
public sealed class SourcesPageTests(BrowserApp app)
{
    [Fact]
    public async Task The_street_compares_sources_and_sees_a_patrol_blind_spot()
    {
        string name;
        await using (var db = app.Services.GetRequiredService<GridDatabase>().CreateUnscoped(AuditActor.System))
        {
            // A grid of 兰园社区: the grid worker's community is 热点分析's, 大影壁 must stay empty.
            var community = await db.OrgUnits.Where(u => u.ParentCode == 320102002 && u.Name.StartsWith("兰园")).Select(u => u.Code).SingleAsync();
            var grid = await db.OrgUnits.Where(u => u.ParentCode == community).OrderBy(u => u.Code).Select(u => u.Code).FirstAsync();
            // A class no other test reports: the last minor of the last major.
            var minor = await db.TicketCategories.Where(c => c.ParentCode != null).OrderByDescending(c => c.Code).FirstAsync();
            name = await db.TicketCategories.Where(c => c.Code == minor.ParentCode).Select(c => c.Name).SingleAsync();
            var today = ChinaTime.DateOf(DateTime.UtcNow);
            for (var i = 0; i < 5; i++)
            {
                var at = ChinaTime.ToUtc(today.AddDays(-3 - i).ToDateTime(new TimeOnly(9, i)));
                db.Tickets.Add(new Ticket
                {
                    CategoryId = minor.Id, Description = "夜间施工噪音扰民", GridCode = grid, CentreCode = OrgCode.Street(grid),
                    Source = TicketSource.Hotline, State = TicketState.Closed, ReportedAt = at, UpdatedAt = at, ClosedAt = at.AddHours(4),
                    AcceptLimit = "1h", DispatchLimit = "1h", HandleLimit = "1d", VerifyLimit = "1d",
                });
            }
            await db.SaveChangesAsync();
        }
        var page = await app.LoginAsync("street");
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserApp.OpenAsync(page, "/analytics/sources");
        await Assertions.Expect(page.Locator(".ant-card-head-title", new() { HasText = "关联分析 · 梅园新村街道" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#sources-chart[data-chart] svg").First).ToBeVisibleAsync();
        var row = page.Locator("#sources-categories tr", new() { HasText = name });
        await Assertions.Expect(row.Locator(".gg-blind")).ToHaveTextAsync("巡查盲区");
        await Assertions.Expect(page.Locator("#sources-areas tr")).Not.ToHaveCountAsync(1);
        await BrowserApp.ShotAsync(page, "sources-street-1366");

        foreach (var table in new[] { "categories", "areas" })
        {
            var href = await page.Locator($"#sources-{table} a.gg-pano-export").GetAttributeAsync("href");
            var file = await page.APIRequest.GetAsync(href!);
            Assert.Equal(200, file.Status);
            Assert.StartsWith("application/vnd.openxmlformats", file.Headers["content-type"]);
        }
    }
}
