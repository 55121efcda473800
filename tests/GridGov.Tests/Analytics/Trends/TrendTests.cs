using System.Net;
using GridGov.Features.Analytics.Trends;
using GridGov.Tests.Infrastructure;

namespace GridGov.Tests.Analytics.Trends;

// 趋势分析 on the hand-made set of TrendKit: counts per month, week and day, 环比 and 同比 with an empty
// base period, the series by source and category, the largest rises, before/after, errors and scope.
[Collection(NanjingCollection.Name)]
public sealed class TrendTests(GridGovApp app)
{
    [Fact]
    public async Task Months_of_2024_against_the_month_before_and_the_year_before()
    {
        var kit = await TrendKit.MakeAsync(app);
        var r = await kit.ReadAsync<TrendReport>("admin", $"trends?unit={kit.Street}&step=Month&from=2024-01-01&to=2024-03-31&by=Source");
        Assert.Equal(["2024-01", "2024-02", "2024-03"], r.Points.Select(p => p.Label));
        Assert.Equal([8L, 6, 5], r.Points.Select(p => p.Count));
        // January: December 2023 had nothing (新增); January 2023 had 4 (+100%).
        Assert.Equal(["新增", "-25.0%", "-16.7%"], r.Points.Select(p => p.MonthOnMonth.Text));
        Assert.Null(r.Points[0].MonthOnMonth.Rate);
        Assert.Equal(["+100.0%", "0.0%", "新增"], r.Points.Select(p => p.YearOnYear.Text));
        Assert.Equal(0.0, r.Points[1].YearOnYear.Rate);

        Assert.Equal(19, r.Total.Count);
        Assert.Equal((new DateOnly(2023, 10, 1), new DateOnly(2023, 12, 31)), (r.Total.PreviousFrom, r.Total.PreviousTo));
        Assert.Equal("新增", r.Total.MonthOnMonth.Text);
        Assert.Equal((new DateOnly(2023, 1, 1), new DateOnly(2023, 3, 31), 10L), (r.Total.LastYearFrom, r.Total.LastYearTo, r.Total.YearOnYear.Base));
        Assert.Equal("+90.0%", r.Total.YearOnYear.Text);

        Assert.Equal(["Hotline=5,2,5", "Public=3,0,0", "DigitalCity=0,2,0", "Patrol=0,2,0"], r.Series.Select(s => $"{s.Key}={string.Join(",", s.Counts)}"));
        Assert.Equal("12345热线", r.Series[0].Name);
        // Against an empty period before, every category and community is new; the larger first.
        Assert.Equal([(kit.A.Code, 12L), (kit.B.Code, 7L)], r.CategoryRises.Select(x => (x.Key, x.Growth.Count)));
        Assert.Equal([(kit.C1.Code.ToString(), 12L), (kit.C2.Code.ToString(), 7L)], r.AreaRises.Select(x => (x.Key, x.Growth.Count)));
        Assert.All(r.AreaRises, x => Assert.Equal("新增", x.Growth.Text));
    }

    [Fact]
    public async Task Days_and_weeks_and_a_category_filter()
    {
        var kit = await TrendKit.MakeAsync(app);
        var days = await kit.ReadAsync<TrendReport>("admin", $"trends?unit={kit.Street}&step=Day&from=2024-02-01&to=2024-02-29");
        Assert.Equal(29, days.Points.Count);
        var (fifth, sixth) = (days.Points[4], days.Points[5]);
        Assert.Equal((4L, 2L), (fifth.Count, sixth.Count));
        Assert.Equal(("新增", "-50.0%"), (fifth.MonthOnMonth.Text, sixth.MonthOnMonth.Text));
        // 2023-02-05 had 6: 4 against 6.
        Assert.Equal("-33.3%", fifth.YearOnYear.Text);
        Assert.Equal("—", days.Points[0].YearOnYear.Text);

        // A Wednesday start widens to its Monday; weeks compare with 52 weeks earlier (Monday again).
        var weeks = await kit.ReadAsync<TrendReport>("admin", $"trends?unit={kit.Street}&step=Week&from=2024-02-07&to=2024-02-20");
        Assert.Equal(new DateOnly(2024, 2, 5), weeks.From);
        Assert.Equal(new DateOnly(2024, 2, 25), weeks.To);
        Assert.Equal([6L, 0, 0], weeks.Points.Select(p => p.Count));
        Assert.Equal(new DateOnly(2024, 2, 11), weeks.Points[0].To);

        var a = await kit.ReadAsync<TrendReport>("admin", $"trends?unit={kit.Street}&step=Month&from=2024-01-01&to=2024-03-31&category={kit.A.Code}&by=Category");
        Assert.Equal([5L, 2, 5], a.Points.Select(p => p.Count));
        Assert.Equal("+25.0%", a.Points[0].YearOnYear.Text);
        Assert.Equal([kit.A.Code], a.Series.Select(s => s.Key));
        // Filtered, the communities' rises count that category only.
        Assert.Equal(12L, a.AreaRises.Sum(x => x.Growth.Count));
        var areas = await kit.ReadAsync<TrendReport>("admin", $"trends?unit={kit.Street}&step=Month&from=2024-01-01&to=2024-03-31&by=Area");
        Assert.Equal([$"{kit.C1.Code}=5,2,5", $"{kit.C2.Code}=3,4,0"], areas.Series.Select(s => $"{s.Key}={string.Join(",", s.Counts)}"));
        Assert.Equal([8L, 6, 5], areas.Points.Select(p => p.Count));
        var community = await kit.ReadAsync<TrendReport>("admin", $"trends?unit={kit.C2.Code}&step=Month&from=2024-01-01&to=2024-03-31");
        Assert.Equal([3L, 4, 0], community.Points.Select(p => p.Count));
    }

    [Fact]
    public async Task Before_and_after_a_date()
    {
        var kit = await TrendKit.MakeAsync(app);
        var r = await kit.ReadAsync<BeforeAfterReport>("admin", $"trends/before-after?unit={kit.Street}&date=2024-02-01&days=31");
        Assert.Equal((new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 31)), (r.BeforeFrom, r.BeforeTo));
        Assert.Equal((8L, 6L, "-25.0%"), (r.Total.Base, r.Total.Count, r.Total.Text));
        Assert.Equal(62, r.Daily.Length);
        Assert.Equal(8, r.Daily[14]);
        // January: 5 of A and 3 of B; from February 1st: 2 of A, 4 of B.
        Assert.Equal([(kit.A.Code, 5L, 2L), (kit.B.Code, 3L, 4L)], r.Categories.OrderBy(c => c.Key).Select(c => (c.Key, c.Growth.Base, c.Growth.Count)));

        // Ranges that cover most of a month are read as the month less the days left out: Jan 8 – Feb 5
        // is January less Jan 1–7, plus Feb 1–5; Feb 6 – Mar 5 is February less Feb 1–5, plus Mar 1–5.
        var mid = await kit.ReadAsync<BeforeAfterReport>("admin", $"trends/before-after?unit={kit.Street}&date=2024-02-06&days=29");
        Assert.Equal((new DateOnly(2024, 1, 8), new DateOnly(2024, 3, 5)), (mid.BeforeFrom, mid.AfterTo));
        Assert.Equal((12L, 2L), (mid.Total.Base, mid.Total.Count));
        Assert.Equal([(kit.A.Code, 7L, 0L), (kit.B.Code, 5L, 2L)], mid.Categories.OrderBy(c => c.Key).Select(c => (c.Key, c.Growth.Base, c.Growth.Count)));
        Assert.Equal([(kit.C1.Code.ToString(), 7L, 0L), (kit.C2.Code.ToString(), 5L, 2L)],
            mid.Areas.Where(a => a.Growth.Base + a.Growth.Count > 0).OrderBy(a => a.Key).Select(a => (a.Key, a.Growth.Base, a.Growth.Count)));
    }

    [Fact]
    public async Task Bad_questions_get_chinese_errors_and_other_areas_404()
    {
        var kit = await TrendKit.MakeAsync(app);
        foreach (var (query, field) in new[]
        {
            ("step=Year", "step"), ("from=2024-13-01", "from"), ("step=Day&from=2024-01-01&to=2024-12-31", "from"),
            ("by=State&category=" + kit.A.Code, "by"), ("category=ZZ99", "category"), ("source=Fax", "source"),
        })
        {
            var response = await kit.GetAsync("admin", $"trends?unit={kit.Street}&{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains($"\"{field}\"", body);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await kit.GetAsync("admin", $"trends/before-after?unit={kit.Street}&days=400")).StatusCode);
        // A 玄武区 street account and the district's own see nothing of 秦淮区.
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync("street", $"trends?unit={kit.Street}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync("district", $"trends/before-after?unit={kit.C1.Code}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.GetAsync("grid", "trends")).StatusCode);
        var own = await kit.ReadAsync<TrendReport>("street", "trends");
        Assert.Equal(320102002, own.UnitCode);
    }
}
