using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Analytics.Trends;

// GET /api/v1/analytics/trends/before-after?unit=&date=&days=&category=&source=
public sealed record BeforeAfterQuery(long? Unit, string? Date, int? Days, string? Category, string? Source);

public sealed record BeforeAfterReport(long UnitCode, string UnitName, DateOnly Date, int Days, string FilterText,
    DateOnly BeforeFrom, DateOnly BeforeTo, DateOnly AfterFrom, DateOnly AfterTo, Growth Total,
    List<TrendRise> Categories, List<TrendRise> Areas, List<string> Labels, long[] Daily);

// 前后对比: the N days before a chosen date (a campaign, a new rule) beside the N days from it on, in
// all and by major category and child unit, with the daily counts around it for the chart.
public sealed class GetBeforeAfter(GridDbContext db, AnalysisUnits units, TrendCounts counts, TimeProvider clock)
{
    public const int DefaultDays = 30, MaxDays = 90;

    public async Task<Result<BeforeAfterReport>> HandleAsync(BeforeAfterQuery q, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var date = AnalysisDates.Parse(q.Date, "date", "对比日期", errors);
        var days = q.Days ?? DefaultDays;
        if (days is < 1 or > MaxDays) errors["days"] = [$"对比天数应在 1 至 {MaxDays} 天之间"];
        if (errors.Count > 0) return Result<BeforeAfterReport>.Invalid(errors);
        var groups = await CategoryGroups.LoadAsync(db, ct);
        var filter = TrendFilters.Parse(null, q.Category, q.Source, groups);
        if (!filter.Succeeded) return filter.As<BeforeAfterReport>();
        var (_, f, text) = filter.Value!;
        if (await units.FindAsync(q.Unit, ct) is not { } unit) return Result<BeforeAfterReport>.NotFound();

        var d = date ?? ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime).AddDays(-days);
        var (before, after) = ((d.AddDays(-days), d.AddDays(-1)), (d, d.AddDays(days - 1)));
        var rises = await TrendRises.OfAsync(counts, units, groups, unit, before, after, f, ct);
        var daily = (await counts.SeriesAsync(unit.Code, TallySpans.Days(before.Item1, after.Item2), TrendBy.None, f, ct))
            .ToDictionary(x => Rollups.TallyCodes.Date(x.Day), x => x.N);
        var dates = Enumerable.Range(0, 2 * days).Select(i => before.Item1.AddDays(i)).ToList();
        return Result<BeforeAfterReport>.Ok(new(unit.Code, unit.Name, d, days, text, before.Item1, before.Item2, after.Item1, after.Item2,
            new Growth(rises.Count, rises.Base),
            [.. rises.AllCategories.Where(r => r.Growth.Count + r.Growth.Base > 0)], [.. rises.AllAreas.Where(r => r.Growth.Count + r.Growth.Base > 0)],
            [.. dates.Select(x => x.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture))], [.. dates.Select(x => daily.GetValueOrDefault(x))]));
    }
}
