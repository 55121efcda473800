using GridGov.Features.Analytics.Warnings;
using GridGov.Infrastructure;
using GridGov.Tests.Infrastructure;

namespace GridGov.Tests.Analytics.Warnings;

// The spike (EARS C2) and cluster rules through the database: fire on data built to trigger them,
// quiet on data built not to, once per evidence.
[Collection(NanjingCollection.Name)]
public sealed class SpikeAndClusterTests(GridGovApp app)
{
    const long SpikeCommunity = 320102008002, ClusterStreet = 320102010;
    readonly WarningKit kit = new(app);

    [Fact]
    public async Task A_spike_fires_once_a_day_when_today_passes_the_baseline_and_not_on_an_ordinary_day()
    {
        var rule = await kit.RuleAsync(new() { Name = "社区突增", Kind = WarningKind.Spike, AreaCode = SpikeCommunity, Method = SpikeMethod.C2,
            Limit = 3, MinSigma = 1, MinCount = 3, WindowHours = 24 });
        var grid = (await kit.GridsOfAsync(SpikeCommunity))[0];
        // Noon of today (China) is the evaluation's "now"; each earlier day has its count at 10:00.
        var today = ChinaTime.DateOf(DateTime.UtcNow);
        DateTime At(DateOnly day, int hour) => ChinaTime.ToUtc(day.ToDateTime(new TimeOnly(hour, 0)));
        var noon = At(today, 12);
        // Five quiet weeks (the chart's four and the baseline before them), 1–3 tickets a day.
        int[] pattern = [2, 1, 3, 2, 2, 3, 1, 2, 2, 3, 2, 2];
        var seeds = new List<TicketSeed>();
        for (var i = 1; i <= 36; i++)
            for (var n = 0; n < pattern[(36 - i) % pattern.Length]; n++) seeds.Add(new(grid, "E0102", At(today.AddDays(-i), 10), "路边垃圾堆放"));
        // An ordinary day so far: 4 (the baseline days t-9..t-3 have mean 2.1, their sd 0.9 floored to 1: the line is 5.1).
        for (var n = 0; n < 4; n++) seeds.Add(new(grid, "E0102", At(today, 8), "路边垃圾堆放"));
        await kit.TicketsAsync(seeds);
        Assert.Empty(await kit.EvaluateAsync(rule, noon));

        // Four more before noon: 8 passes the line; one warning, with today's tickets and the series.
        var burst = await kit.TicketsAsync(Enumerable.Range(0, 4).Select(_ => new TicketSeed(grid, "E0102", At(today, 11), "路边垃圾堆放")));
        var raised = Assert.Single(await kit.EvaluateAsync(rule, noon));
        Assert.Equal((SpikeCommunity, WarningKind.Spike), (raised.AreaCode, raised.Kind));
        Assert.Equal(8, (await kit.EvidenceAsync(raised.Id)).Count);
        Assert.Contains(burst[0], await kit.EvidenceAsync(raised.Id));
        var series = SpikeSeries.Read(raised.Series)!;
        Assert.Equal(SpikeSeries.ChartDays, series.Days.Count);
        var last = series.Days[^1];
        Assert.Equal((today, 8, true), (last.Day, last.Count, last.Alarm));
        Assert.Equal(2.14, last.Mean, 2);
        Assert.True(last.Upper is > 5 and < 6, $"threshold {last.Upper}");
        Assert.All(series.Days.SkipLast(1), d => Assert.False(d.Alarm));

        // Later the same day, more tickets: the same day's spike is not raised again.
        await kit.TicketsAsync([new(grid, "E0102", At(today, 12).AddMinutes(-1), "路边垃圾堆放")]);
        Assert.Empty(await kit.EvaluateAsync(rule, noon.AddHours(1)));
    }

    [Fact]
    public async Task A_cluster_of_similar_tickets_close_together_fires_and_scattered_or_unlike_ones_do_not()
    {
        var rule = await kit.RuleAsync(new() { Name = "聚集", Kind = WarningKind.Cluster, AreaCode = ClusterStreet, RadiusMeters = 300, WindowHours = 6, MinCount = 5 });
        var grids = await kit.GridsOfAsync(ClusterStreet, 3);
        var now = DateTime.UtcNow;
        TicketSeed At((double Lon, double Lat) p, long grid, string category, string text, double hoursAgo = 1) =>
            new(grid, category, now.AddHours(-hoursAgo), text) { Lon = p.Lon, Lat = p.Lat };
        // Quiet: five alike but 700 m apart; five close but each about something else; five close and
        // alike but two of them seven hours ago.
        // Grids are a few hundred metres wide: the three places lie kilometres apart.
        var c = await kit.PointAsync(grids[2]);
        var (a, b) = (WarningKit.Offset(c, -2500, 0), WarningKit.Offset(c, 0, -2500));
        await kit.TicketsAsync(Enumerable.Range(0, 5).Select(i => At(WarningKit.Offset(a, -700 * i, 0), grids[0], "E0102", "路边垃圾堆放没人清理")));
        string[] unlike = ["人行道井盖缺失", "路灯晚上不亮", "广场舞噪音扰民", "饭店油烟直排", "机动车乱停放堵路"];
        await kit.TicketsAsync(unlike.Select((t, i) => At(WarningKit.Offset(b, 20 * i, 0), grids[1], i % 2 == 0 ? "E0601" : "E0602", t)));
        var old = await kit.TicketsAsync(Enumerable.Range(0, 5).Select(i =>
            At(WarningKit.Offset(c, 15 * i, 10 * i), grids[2], "E0102", "路边垃圾堆放没人清理", i < 2 ? 7 : 1)));
        Assert.Empty(await kit.EvaluateAsync(rule, now));

        // Two more at the third place within the hour, one of them of another class saying the same
        // thing: five alike within 300 m in six hours.
        var fresh = await kit.TicketsAsync([
            At(WarningKit.Offset(c, -40, 30), grids[2], "E0102", "小区门口垃圾堆放没人清理"),
            At(WarningKit.Offset(c, 60, -50), grids[2], "E0103", "路边垃圾堆放没人清理，味道很大"),
        ]);
        var raised = Assert.Single(await kit.EvaluateAsync(rule, now));
        Assert.Equal([old[2], old[3], old[4], fresh[0], fresh[1]], await kit.EvidenceAsync(raised.Id));
        Assert.Equal(WarningKind.Cluster, raised.Kind);
        Assert.True(raised.AreaCode == grids[2] || OrgCode.Subtree(raised.AreaCode) is var (from, to) && grids[2] >= from && grids[2] <= to);
        Assert.StartsWith("疑似群体性事件", raised.Title);
        Assert.Empty(await kit.EvaluateAsync(rule, now.AddMinutes(1)));
    }
}
