using GridGov.Features.Analytics.Warnings;
using GridGov.Features.Organization;
using GridGov.Features.Tickets;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Analytics.Warnings;

// The counting rules through the database: each fires on tickets built to trigger it, stays quiet on
// tickets built not to, and never raises the same evidence twice.
[Collection(NanjingCollection.Name)]
public sealed class ThresholdAndWaveTests(GridGovApp app)
{
    const long Community = 320102008001, WaveStreet = 320102009;
    readonly WarningKit kit = new(app);

    [Fact]
    public async Task Threshold_fires_on_n_tickets_of_the_class_in_one_grid_within_the_window_and_never_twice()
    {
        var rule = await kit.RuleAsync(new() { Name = "劳资纠纷阈值", Kind = WarningKind.Threshold, AreaCode = Community, CategoryCode = "G0104",
            GroupLevel = OrgLevel.Grid, MinCount = 3, WindowHours = 24 });
        var grids = await kit.GridsOfAsync(Community, 2);
        var now = DateTime.UtcNow;
        // Quiet: two in each grid; three in one grid but 30 hours ago; three of another class; one rejected.
        var quiet = await kit.TicketsAsync([
            new(grids[0], "G0104", now.AddHours(-2)), new(grids[0], "G0104", now.AddHours(-5)),
            new(grids[1], "G0104", now.AddHours(-1)), new(grids[1], "G0104", now.AddHours(-3)),
            new(grids[0], "G0104", now.AddHours(-30)), new(grids[0], "G0104", now.AddHours(-31)), new(grids[0], "G0104", now.AddHours(-32)),
            new(grids[0], "G0101", now.AddHours(-1), "邻居装修噪音纠纷"), new(grids[0], "G0101", now.AddHours(-2), "邻居装修噪音纠纷"),
            new(grids[0], "G0101", now.AddHours(-3), "邻居装修噪音纠纷"),
            new(grids[0], "G0104", now.AddHours(-4)) { State = TicketState.Rejected },
        ]);
        Assert.Empty(await kit.EvaluateAsync(rule, now));

        // The third in the first grid: one warning, in that grid, on exactly its three tickets.
        var third = await kit.TicketsAsync([new(grids[0], "G0104", now.AddMinutes(-10))]);
        var raised = Assert.Single(await kit.EvaluateAsync(rule, now));
        Assert.Equal((grids[0], grids[0], WarningKind.Threshold, WarningState.Open), (raised.AreaCode, raised.GridCode, raised.Kind, raised.State));
        Assert.Equal([quiet[0], quiet[1], third[0]], await kit.EvidenceAsync(raised.Id));
        Assert.Contains("达 3 件", raised.Title);

        // Again: nothing. One more ticket in the grid: the evidence grows, no second warning. Two more:
        // three tickets not yet warned of, a second warning on those three only.
        Assert.Empty(await kit.EvaluateAsync(rule, now));
        var more = await kit.TicketsAsync([new(grids[0], "G0104", now.AddMinutes(-5))]);
        Assert.Empty(await kit.EvaluateAsync(rule, now.AddMinutes(1)));
        more.AddRange(await kit.TicketsAsync([new(grids[0], "G0104", now.AddMinutes(-4)), new(grids[0], "G0104", now.AddMinutes(-3))]));
        var second = Assert.Single(await kit.EvaluateAsync(rule, now.AddMinutes(2)));
        Assert.Equal(more.Order(), await kit.EvidenceAsync(second.Id));
        Assert.Equal(2, (await kit.WarningsOfAsync(rule)).Count);
    }

    [Fact]
    public async Task Deadline_wave_fires_on_n_open_tickets_of_one_department_due_within_h_hours()
    {
        long department;
        await using (var db = app.UnscopedDb())
            department = await db.Departments.Where(d => d.OrgUnitCode == WaveStreet && d.Kind == "城管").Select(d => d.Id).SingleAsync();
        var rule = await kit.RuleAsync(new() { Name = "临期集中", Kind = WarningKind.DeadlineWave, AreaCode = WaveStreet, MinCount = 4, WindowHours = 8 });
        var grid = (await kit.GridsOfAsync(WaveStreet))[0];
        var now = DateTime.UtcNow;
        TicketSeed Due(double hours, TicketState state = TicketState.Dispatched) =>
            new(grid, "E0102", now.AddDays(-1), "路边垃圾堆放") { Department = department, DueAt = now.AddHours(hours), State = state };
        // Quiet: three due within 8 hours; two due later; two closed; one overdue already.
        var soon = await kit.TicketsAsync([Due(2), Due(4), Due(6), Due(10), Due(12), Due(3, TicketState.Closed), Due(3, TicketState.Closed), Due(-1)]);
        Assert.Empty(await kit.EvaluateAsync(rule, now));

        var fourth = await kit.TicketsAsync([Due(5)]);
        var raised = Assert.Single(await kit.EvaluateAsync(rule, now));
        Assert.Equal((WaveStreet, department), (raised.AreaCode, raised.DepartmentId));
        Assert.Equal([soon[0], soon[1], soon[2], fourth[0]], await kit.EvidenceAsync(raised.Id));
        Assert.Contains("4 件将在 8 小时内到期", raised.Title);
        Assert.Empty(await kit.EvaluateAsync(rule, now.AddMinutes(1)));
    }

    [Fact]
    public async Task A_disabled_rule_raises_nothing_in_the_periodic_run()
    {
        var rule = await kit.RuleAsync(new() { Name = "停用的阈值", Kind = WarningKind.Threshold, AreaCode = Community, CategoryCode = "G0106",
            MinCount = 2, WindowHours = 24, Enabled = false });
        var grid = (await kit.GridsOfAsync(Community))[0];
        var now = DateTime.UtcNow;
        await kit.TicketsAsync([new(grid, "G0106", now.AddHours(-1), "购物消费纠纷"), new(grid, "G0106", now.AddHours(-2), "购物消费纠纷")]);
        var all = await kit.Evaluator.RunAsync(now);
        Assert.DoesNotContain(all, w => w.RuleId == rule.Id);
        Assert.Single(await kit.EvaluateAsync(rule, now));
    }
}
