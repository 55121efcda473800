using System.Net;
using GridGov.Features.Analytics.Sources;
using GridGov.Tests.Infrastructure;

namespace GridGov.Tests.Analytics.Trends;

// 关联分析 on TrendKit's hand-made set, January to March 2024: A (community 1) is all hotline, with
// one repeat complaint in March; B (community 2) was found by patrols and 数字城管 as well as reported.
[Collection(NanjingCollection.Name)]
public sealed class SourceComparisonTests(GridGovApp app)
{
    [Fact]
    public async Task Sources_side_by_side_by_category_and_area_with_repeat_complaints()
    {
        var kit = await TrendKit.MakeAsync(app);
        var r = await kit.ReadAsync<SourceReport>("admin", $"sources?unit={kit.Street}&from=2024-01-01&to=2024-03-31");
        Assert.Equal(19, r.All.Total);
        Assert.Equal((12L, 3L, 2L, 2L), (r.All.BySource["12345热线"], r.All.BySource["群众上报"], r.All.BySource["网格巡查"], r.All.BySource["数字城管"]));
        var a = r.Categories.Single(c => c.Key == kit.A.Code);
        Assert.Equal((12L, 12L, 0L, 0.0, 1L), (a.Total, a.Complaints, a.Patrol, a.PatrolShare, a.Repeats));
        Assert.Equal(1.0 / 12, a.RepeatRate!.Value, 6);
        var b = r.Categories.Single(c => c.Key == kit.B.Code);
        Assert.Equal((7L, 3L, 2L, 0.4), (b.Total, b.Complaints, b.Patrol, b.PatrolShare));
        Assert.Equal([12L, 7L], r.Areas.Where(x => x.Total > 0).Select(x => x.Total));
        var cell = Assert.Single(r.RepeatCells);
        Assert.Equal($"{kit.C1.Code}/{kit.A.Code}", cell.Key);

        // Ranges ending inside months (a month mostly inside is its month row less the days left out):
        // January has 8 on the 15th, February 4 on the 5th and 2 on the 6th, March 5 on the 10th.
        foreach (var (from, to, total, repeats) in new[]
        {
            ("2024-01-16", "2024-03-09", 6L, 0), ("2024-01-15", "2024-03-10", 19L, 1), ("2024-01-02", "2024-03-31", 19L, 1),
            ("2024-02-06", "2024-02-29", 2L, 0), ("2024-02-02", "2024-02-28", 6L, 0), ("2024-02-07", "2024-03-31", 5L, 1),
        })
        {
            var part = await kit.ReadAsync<SourceReport>("admin", $"sources?unit={kit.Street}&from={from}&to={to}");
            Assert.True((total, repeats) == (part.All.Total, part.RepeatCells.Count), $"{from}–{to}: {part.All.Total} 件, {part.RepeatCells.Count} 处重复");
            Assert.DoesNotContain(part.Categories, c => c.Total == 0);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await kit.GetAsync("admin", $"sources?unit={kit.Street}&from=2024-04-01&to=2024-03-01")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync("street", $"sources?unit={kit.Street}")).StatusCode);

        // 导出: the table asked for, as XLSX; no table named is a 400 saying which to name.
        var xlsx = await kit.GetAsync("admin", $"sources/export?table=areas&unit={kit.Street}&from=2024-01-01&to=2024-03-31");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var rows = MiniExcelLibs.MiniExcel.Query(await xlsx.Content.ReadAsStreamAsync(), useHeaderRow: false).ToList();
        Assert.Contains(rows, row => ((IDictionary<string, object?>)row).Values.Any(v => v?.ToString() == "12"));
        var none = await kit.GetAsync("admin", $"sources/export?unit={kit.Street}");
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("\"table\"", await none.Content.ReadAsStringAsync());
    }
}
