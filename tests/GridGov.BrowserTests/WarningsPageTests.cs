using GridGov.Features.Analytics.Warnings;
using GridGov.Features.Organization;
using GridGov.Features.Tickets;
using GridGov.Features.Tickets.Categories;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// 预警分析 at the street command centre on a 1366×768 screen: warnings the evaluator raised are listed
// with their chart, a new one appears (and pops up) without a reload, a spike shows its series against
// the baseline, and 转督办 supervises the evidence tickets.
[Collection(BrowserCollection.Name)]
public sealed class WarningsPageTests(BrowserApp app)
{
    const long SpikeCommunity = 320102002012, ThresholdCommunity = 320102002011;

    GridDbContext Db() => app.Services.GetRequiredService<GridDatabase>().CreateUnscoped(AuditActor.System);
    WarningEvaluator Evaluator => app.Services.GetRequiredService<WarningEvaluator>();

    async Task<long> GridOfAsync(long community)
    {
        await using var db = Db();
        var (from, to) = OrgCode.Subtree(community);
        return await db.OrgUnits.Where(u => u.Code >= from && u.Code <= to && u.Level == OrgLevel.Grid).OrderBy(u => u.Code).Select(u => u.Code).FirstAsync();
    }

    async Task<List<long>> TicketsAsync(long grid, string category, string text, IEnumerable<DateTime> times)
    {
        var id = app.Services.GetRequiredService<CategoryCatalog>().Find(category)!.Id;
        var tickets = times.Select(at => new Ticket
        {
            CategoryId = id, Description = text, GridCode = grid, CentreCode = OrgCode.Street(grid), Source = TicketSource.Patrol,
            State = TicketState.Reported, ReportedAt = at, UpdatedAt = at, AcceptLimit = "1h", DispatchLimit = "1h", HandleLimit = "1d", VerifyLimit = "1d",
        }).ToList();
        await using var db = Db();
        db.AddRange(tickets);
        await db.SaveChangesAsync();
        return [.. tickets.Select(t => t.Id)];
    }

    async Task<WarningRule> RuleAsync(WarningRule rule)
    {
        rule.Name += Guid.NewGuid().ToString("N")[..4];
        rule.CreatedAt = rule.UpdatedAt = DateTime.UtcNow;
        await using var db = Db();
        db.Add(rule);
        await db.SaveChangesAsync();
        return rule;
    }

    [Fact]
    public async Task The_street_sees_raised_warnings_live_reads_a_spike_against_its_baseline_and_supervises_a_threshold_warning()
    {
        // A spike: five quiet weeks of 1–3 a day, then 9 today (China time, before now).
        var now = DateTime.UtcNow;
        var today = ChinaTime.DateOf(now);
        var grid = await GridOfAsync(SpikeCommunity);
        int[] pattern = [2, 1, 3, 2, 2, 3, 1, 2, 2, 3, 2, 2];
        var times = Enumerable.Range(1, 36).SelectMany(i => Enumerable.Repeat(ChinaTime.ToUtc(today.AddDays(-i).ToDateTime(new TimeOnly(10, 0))), pattern[(36 - i) % 12]))
            .Concat(Enumerable.Range(1, 9).Select(i => now.AddSeconds(-i)));
        await TicketsAsync(grid, "E0102", "路边垃圾堆放没人清理", times);
        var spike = await RuleAsync(new() { Name = "社区垃圾突增", Kind = WarningKind.Spike, AreaCode = SpikeCommunity, Method = SpikeMethod.C2, Limit = 3, MinSigma = 1, MinCount = 3, WindowHours = 24 });
        var spiked = Assert.Single(await Evaluator.EvaluateAsync(spike.Id, now));

        var page = await app.LoginAsync("street");
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserApp.OpenAsync(page, "/analytics/warnings");
        var rows = page.Locator("#warnings-table tr.ant-table-row");
        await Assertions.Expect(rows.Filter(new() { HasText = spiked.Title })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#warnings-daily svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#warnings-daily")).ToContainTextAsync("突增预警");
        await Assertions.Expect(page.Locator("#warnings-toolbar-total")).ToContainTextAsync("共");

        // Raised while the page is open: a notification, and the row without a reload.
        var labour = await TicketsAsync(await GridOfAsync(ThresholdCommunity), "G0104", "工地拖欠农民工工资，多人反映", Enumerable.Range(1, 3).Select(i => now.AddMinutes(-10 * i)));
        var threshold = await RuleAsync(new() { Name = "劳资纠纷集中", Kind = WarningKind.Threshold, AreaCode = ThresholdCommunity, CategoryCode = "G0104", MinCount = 3, WindowHours = 24 });
        var raised = Assert.Single(await Evaluator.EvaluateAsync(threshold.Id, now));
        await Assertions.Expect(page.Locator(".ant-notification-notice").Filter(new() { HasText = raised.Title })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".ant-notification-notice")).ToContainTextAsync("新预警：阈值预警");
        await Assertions.Expect(rows.Filter(new() { HasText = raised.Title })).ToHaveCountAsync(1);
        await BrowserApp.ShotAsync(page, "warnings-list-1366");

        // The spike: its series with the baseline and threshold lines, and its evidence.
        await rows.Filter(new() { HasText = spiked.Title }).Locator(".warning-link").ClickAsync();
        await Assertions.Expect(page.Locator("#warning-series svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#warning-series")).ToContainTextAsync("警戒线");
        await Assertions.Expect(page.Locator("#warning-evidence tr.ant-table-row")).ToHaveCountAsync(9);
        await BrowserApp.ShotAsync(page, "warnings-spike-drawer-1366");
        await page.Locator(".ant-drawer-close").ClickAsync();

        // The threshold warning: 转督办 with a yellow card.
        await rows.Filter(new() { HasText = raised.Title }).Locator(".warning-link").ClickAsync();
        await Assertions.Expect(page.Locator("#warning-evidence tr.ant-table-row")).ToHaveCountAsync(3);
        await page.Locator("#warning-supervise").ClickAsync();
        await page.Locator("#warning-level label", new() { HasText = "黄牌督办" }).ClickAsync();
        await page.Locator("#warning-note").FillAsync("劳资纠纷集中，请加快处置");
        await page.Locator("#warning-note").PressAsync("Tab");
        await BrowserApp.ShotAsync(page, "warnings-supervise-dialog-1366");
        await page.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator(".ant-message")).ToContainTextAsync("已转督办：督办 3 件工单");
        await Assertions.Expect(page.Locator("#warning-detail-state")).ToHaveTextAsync("已转督办");
        await Assertions.Expect(page.Locator("#warning-evidence .warning-evidence-supervision").First).ToHaveTextAsync("黄牌督办");
        await Assertions.Expect(page.Locator("#warning-history")).ToContainTextAsync("转督办");
        await BrowserApp.ShotAsync(page, "warnings-supervised-1366");
        await using (var db = Db())
        {
            Assert.All(await db.Set<Ticket>().Where(t => labour.Contains(t.Id)).Select(t => t.Supervision).ToListAsync(), s => Assert.Equal(Supervision.Yellow, s));
            Assert.Equal(WarningState.Supervised, await db.Set<Warning>().Where(w => w.Id == raised.Id).Select(w => w.State).SingleAsync());
        }

        // The rules: the street reads them and is told who may change them.
        await page.Locator(".ant-drawer-close").ClickAsync();
        await page.Locator(".ant-tabs-tab", new() { HasText = "预警规则" }).ClickAsync();
        await Assertions.Expect(page.Locator("#warning-rules-table tr.ant-table-row").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#warning-rules-readonly")).ToContainTextAsync("只有数据范围为“全部数据”的市级账号可以修改");
        await BrowserApp.ShotAsync(page, "warnings-rules-street-1366");
        await page.Context.CloseAsync();

        // A community elsewhere in the street: none of these warnings is its own.
        var community = await app.LoginAsync("community");
        await community.SetViewportSizeAsync(1366, 768);
        await BrowserApp.OpenAsync(community, "/analytics/warnings");
        await Assertions.Expect(community.Locator("#warnings-empty")).ToContainTextAsync("本辖区暂无预警");
        await Assertions.Expect(community.Locator("#warnings-daily svg")).ToBeVisibleAsync();
        await BrowserApp.ShotAsync(community, "warnings-empty-community-1366");
        await community.Context.CloseAsync();

        // The city edits them.
        var admin = await app.LoginAsync("admin");
        await admin.SetViewportSizeAsync(1366, 768);
        await BrowserApp.OpenAsync(admin, "/analytics/warnings");
        await admin.Locator(".ant-tabs-tab", new() { HasText = "预警规则" }).ClickAsync();
        await admin.Locator("#warning-rules-table tr.ant-table-row", new() { HasText = "疑似群体性事件" }).Locator(".warning-rule-edit").ClickAsync();
        await Assertions.Expect(admin.Locator("#warning-rule-radius input")).ToHaveValueAsync("300");
        await BrowserApp.ShotAsync(admin, "warnings-rule-editor-1366");
        await admin.Context.CloseAsync();
    }
}
