using System.Net.Http.Json;
using GridGov.Features.Analytics.Keywords;
using GridGov.Features.Tickets;
using GridGov.Infrastructure.UseCases;
using GridGov.Tests.Infrastructure;
using MiniExcelLibs;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Tests.Analytics.Keywords;

// 环比 in 玄武门街道 (nothing else there in 2025): September against an empty August, November against
// October; a late report for a day already summed up; the trend, the tickets of a word, the export, and
// the whole index made again from nothing.
[Collection(NanjingCollection.Name)]
public sealed class KeywordChangeTests(GridGovApp app)
{
    const long Street = 320102005;
    readonly KeywordKit kit = new(app);

    [Fact]
    public async Task Words_of_an_empty_previous_period_are_new_not_infinite()
    {
        var grid = await kit.GridOfAsync(Street * 1000 + 1);
        await kit.AddAsync(grid, KeywordKit.DaysOf(2025, 9, 10, 20), "楼道堆物堵塞消防通道", "楼道堆物无人清理", "高空抛物砸坏车辆");
        await kit.IndexAsync();
        var hot = await kit.HotAsync("admin", Street, new(2025, 9, 1), new(2025, 9, 30));
        Assert.Equal((new DateOnly(2025, 8, 2), new DateOnly(2025, 8, 31)), (hot.PreviousFrom, hot.PreviousTo));
        Assert.Equal((3, 0), (hot.Tickets, hot.PreviousTickets));
        Assert.All(hot.Keywords, k => Assert.True(k.PreviousCount == 0 && k.Change is null && k.ChangeText == "新出现", k.Word));
        Assert.Equal("楼道堆物", hot.Rises[0].Word);
        Assert.Equal(2, hot.Rises[0].Count);
    }

    [Fact]
    public async Task Rises_are_measured_against_the_previous_period_and_late_reports_count()
    {
        var grid = await kit.GridOfAsync(Street * 1000 + 1, 1);
        await kit.AddAsync(grid, KeywordKit.DaysOf(2025, 10, 8, 16), "垃圾满溢臭气熏天", "垃圾满溢招来老鼠", "路灯不亮行人摔倒", "路灯不亮很久了", "路灯不亮一片漆黑");
        var november = await kit.AddAsync(grid, KeywordKit.DaysOf(2025, 11, 3, 11, 19, 25),
            "垃圾满溢流到路上", "垃圾满溢没人管", "垃圾满溢又脏又臭", "垃圾满溢蚊虫滋生", "垃圾满溢影响出行", "路灯不亮");
        await kit.IndexAsync();
        var hot = await kit.HotAsync("admin", Street, new(2025, 11, 1), new(2025, 11, 30));
        var rubbish = hot.Keywords.Single(k => k.Word == "垃圾满溢");
        Assert.Equal((5, 2, 1.5, "+150.0%"), (rubbish.Count, rubbish.PreviousCount, rubbish.Change, rubbish.ChangeText));
        var lamps = hot.Keywords.Single(k => k.Word == "路灯不亮");
        Assert.Equal((1, 3, "-66.7%"), (lamps.Count, lamps.PreviousCount, lamps.ChangeText));
        Assert.Equal(["垃圾满溢"], hot.Rises.Select(r => r.Word).Where(w => w is "垃圾满溢" or "路灯不亮"));
        Assert.Equal("垃圾满溢", hot.Rises[0].Word);

        // A report of 3 November imported late: that day, summed up already, is counted from its tickets
        // once indexed, until it is summed again.
        await kit.AddAsync(grid, KeywordKit.DaysOf(2025, 11, 3), "路灯不亮晚上看不见");
        Assert.Equal(1, (await kit.HotAsync("admin", Street, new(2025, 11, 1), new(2025, 11, 30))).Keywords.Single(k => k.Word == "路灯不亮").Count);
        await kit.IndexAsync();
        var after = await kit.HotAsync("admin", Street, new(2025, 11, 1), new(2025, 11, 30));
        Assert.Equal(2, after.Keywords.Single(k => k.Word == "路灯不亮").Count);

        var trend = await (await kit.GetAsync("admin", $"/trend?word=垃圾满溢&unit={Street}&from=2025-11-01&to=2025-11-30")).Content.ReadFromJsonAsync<KeywordTrend>(KeywordKit.Json);
        Assert.Equal("day", trend!.Granularity);
        Assert.Equal(30, trend.Points.Count);
        Assert.Equal([2, 1, 1, 1], trend.Points.Where(p => p.Count > 0).Select(p => p.Count));
        Assert.Equal(new DateOnly(2025, 11, 3), trend.Points.First(p => p.Count > 0).Start);
        var weekly = await (await kit.GetAsync("admin", $"/trend?word=垃圾满溢&unit={Street}&from=2025-09-01&to=2025-11-30")).Content.ReadFromJsonAsync<KeywordTrend>(KeywordKit.Json);
        Assert.Equal("week", weekly!.Granularity);
        Assert.Equal(7, weekly.Points.Sum(p => p.Count));

        var page = await (await kit.GetAsync("admin", $"/tickets?word=垃圾满溢&unit={Street}&from=2025-11-01&to=2025-11-30&pageSize=3")).Content.ReadFromJsonAsync<PagedResult<TicketSummary>>(KeywordKit.Json);
        Assert.Equal(5, page!.Total);
        Assert.Equal(november.Where((_, i) => i < 5).OrderDescending().Take(3), page.Items.Select(t => t.Id));
        Assert.All(page.Items, t => Assert.Contains("垃圾满溢", t.Description));

        var export = await kit.GetAsync("admin", $"/export?unit={Street}&from=2025-11-01&to=2025-11-30");
        using var file = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["排名", "关键词", "权重", "件数", "上期件数", "环比"], rows[0].Keys);
        Assert.Contains(rows, r => (string?)r["关键词"] == "垃圾满溢" && Convert.ToInt32(r["件数"]) == 5 && (string?)r["环比"] == "+150.0%");

        // Made again from nothing: the same answer.
        await app.Services.GetRequiredService<KeywordIndexer>().RebuildAsync();
        var rebuilt = await kit.HotAsync("admin", Street, new(2025, 11, 1), new(2025, 11, 30));
        Assert.Equal(after.Keywords, rebuilt.Keywords);
        Assert.Equal(after.Rises, rebuilt.Rises);
    }
}
