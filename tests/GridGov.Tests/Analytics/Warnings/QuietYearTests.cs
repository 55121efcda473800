using GridGov.Features.Analytics.Warnings;
using GridGov.Infrastructure;
using GridGov.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GridGov.Tests.Analytics.Warnings;

// A year of quiet tickets through the database: the evaluator, run at the end of every day as the
// background job would, raises exactly the alarms the pure EARS function finds on the same counts,
// and the year's false-alarm rate is printed.
[Collection(NanjingCollection.Name)]
public sealed class QuietYearTests(GridGovApp app, ITestOutputHelper output)
{
    const long Community = 320102009003;
    const double Mean = 4;
    readonly WarningKit kit = new(app);

    [Fact]
    public async Task A_quiet_year_raises_only_the_alarms_the_method_predicts()
    {
        var rule = await kit.RuleAsync(new() { Name = "安静的一年", Kind = WarningKind.Spike, AreaCode = Community, Method = SpikeMethod.C2,
            Limit = 3, MinSigma = 1, MinCount = 3, WindowHours = 24 });
        var grid = (await kit.GridsOfAsync(Community))[0];
        var history = Ears.History(SpikeMethod.C2);
        // The year 2025 (a fixed calendar, so that the weekly rhythm and the seed give the same counts every run).
        var first = new DateOnly(2025, 1, 1).AddDays(-history);
        var r = new Random(20261209);
        var counts = QuietData.Daily(r, Mean, first, 365 + history);
        var seeds = new List<TicketSeed>();
        for (var i = 0; i < counts.Length; i++)
            for (var n = 0; n < counts[i]; n++)
                seeds.Add(new(grid, "E0102", ChinaTime.ToUtc(first.AddDays(i).ToDateTime(new TimeOnly(7, 0)).AddMinutes(r.Next(15 * 60))), "路边垃圾堆放"));
        await kit.TicketsAsync(seeds);

        var raised = new List<DateOnly>();
        for (var i = history; i < counts.Length; i++)
        {
            var day = first.AddDays(i);
            var endOfDay = ChinaTime.ToUtc(day.ToDateTime(new TimeOnly(23, 59, 59)));
            foreach (var w in await kit.EvaluateAsync(rule, endOfDay)) raised.Add(ChinaTime.DateOf(w.RaisedAt));
        }
        var predicted = Enumerable.Range(history, counts.Length - history).Where(t => Ears.Check(counts, t, SpikeMethod.C2, 3, 1, 3).Alarm)
            .Select(t => first.AddDays(t)).ToList();
        output.WriteLine($"日均 {Mean} 件的安静数据一年（{seeds.Count} 件工单）：数据库评估产生突增预警 {raised.Count} 次，纯函数预测 {predicted.Count} 次，" +
            $"误报率 {raised.Count / 365.0:P2}（每天）");
        Assert.Equal(predicted, raised);
        Assert.True(raised.Count <= 15, $"{raised.Count} false alarms in a quiet year");
    }
}
