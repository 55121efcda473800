using GridGov.Features.Tickets;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Analytics.Trends;

// 趋势分析: a unit's tickets over time by day, week or month, split by source, state or major category,
// with 环比 and 同比 per bucket and for the whole period, and the categories and child units that rose
// most over the period before. Everything from the tallies (ADR 0016).
public sealed class GetTrend(GridDbContext db, AnalysisUnits units, TrendCounts counts, TimeProvider clock)
{
    public const int RiseCount = 10, MaxSeries = 8;

    public async Task<Result<TrendReport>> HandleAsync(TrendQuery q, CancellationToken ct = default)
    {
        var period = TrendPeriod.Parse(q.Step, q.From, q.To, ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime));
        if (!period.Succeeded) return period.As<TrendReport>();
        var p = period.Value!;
        var groups = await CategoryGroups.LoadAsync(db, ct);
        var filter = TrendFilters.Parse(q.By, q.Category, q.Source, groups);
        if (!filter.Succeeded) return filter.As<TrendReport>();
        var (by, f, filterText) = filter.Value!;
        if (await units.FindAsync(q.Unit, ct) is not { } unit) return Result<TrendReport>.NotFound();

        var buckets = p.Buckets();
        // One bucket more before the first, for its 环比; the year before for 同比.
        var wide = new TrendPeriod(p.Before(p.From), p.To, p.Step);
        // Split by child unit: the unit's own rows still give the totals (a ticket placed on the unit
        // itself, not in a grid, counts in no child).
        var children = by == TrendBy.Area ? await units.ChildrenAsync(unit.Code, ct) : [];
        var rows = await ReadAsync(unit.Code, wide, by == TrendBy.Area ? TrendBy.None : by, f, ct);
        var split = by == TrendBy.Area ? await ReadAsync(unit.Code, p, by, f, ct, [.. children.Select(c => c.Code)]) : rows;
        var lastYear = await ReadAsync(unit.Code, new TrendPeriod(p.YearBefore(p.From), p.YearBefore(p.To) , p.Step), TrendBy.None, f, ct);
        long Sum(List<(DateOnly Date, int Key, long N)> r, DateOnly from, DateOnly to) => r.Where(x => x.Date >= from && x.Date <= to).Sum(x => x.N);

        var points = buckets.Select(b => new TrendPoint(b.Label, b.From, b.To, Sum(rows, b.From, b.To),
            new Growth(Sum(rows, b.From, b.To), Sum(rows, p.Before(b.From), b.From.AddDays(-1))),
            new Growth(Sum(rows, b.From, b.To), Sum(lastYear, p.YearBefore(b.From), p.YearBefore(b.To))))).ToList();
        var series = Series(by, buckets, split, groups, children);

        var total = points.Sum(x => x.Count);
        var (prev, ly) = (p.Previous, p.LastYear);
        var rises = await TrendRises.OfAsync(counts, units, groups, unit, (prev.From, prev.To), (p.From, p.To), f, ct);
        var totals = new TrendTotal(total, prev.From, prev.To, new Growth(total, rises.Base),
            ly.From, ly.To, new Growth(total, await TotalAsync(unit.Code, ly.From, ly.To, f, ct)));
        return Result<TrendReport>.Ok(new(unit.Code, unit.Name, p.Step.ToString(), p.From, p.To, by.ToString(), filterText,
            points, series, totals, rises.Categories, rises.Areas));
    }

    // Day rows for days and weeks, month rows for months; each row with its first day.
    async Task<List<(DateOnly Date, int Key, long N)>> ReadAsync(long code, TrendPeriod p, TrendBy by, TrendFilter f, CancellationToken ct,
        long[]? areas = null)
    {
        var span = p.Step == TrendStep.Month
            ? new TallySpan(Rollups.TallyCodes.Month(p.From.Year, p.From.Month), Rollups.TallyCodes.Month(p.To.Year, p.To.Month), true)
            : TallySpans.Days(p.From, p.To);
        return (await counts.SeriesAsync(code, span, by, f, ct, areas))
            .Select(x => (Rollups.TallyCodes.Date(span.Months ? x.Day + 1 : x.Day), x.Key, x.N)).ToList();
    }

    async Task<long> TotalAsync(long code, DateOnly from, DateOnly to, TrendFilter f, CancellationToken ct) =>
        (await counts.ByCodeAndCategoryAsync([code], from, to, f, ct)).Values.Sum(v => v.N);

    static List<TrendSeries> Series(TrendBy by, List<TrendBucket> buckets, List<(DateOnly Date, int Key, long N)> rows, CategoryGroups groups,
        List<(long Code, string Name)> children)
    {
        if (by == TrendBy.None) return [];
        (string Key, string Name) KeyOf(int k) => by switch
        {
            TrendBy.Source => (((TicketSource)k).ToString(), TicketNames.Source((TicketSource)k)),
            TrendBy.State => (((TicketState)k).ToString(), TicketFlow.StateName((TicketState)k)),
            TrendBy.Area => (children[k].Code.ToString(), children[k].Name),
            _ => groups.MajorOf(k),
        };
        var all = rows.Where(r => r.Date >= buckets[0].From).GroupBy(r => KeyOf(r.Key))
            .Select(g => new TrendSeries(g.Key.Key, g.Key.Name, [.. buckets.Select(b => g.Where(x => x.Date >= b.From && x.Date <= b.To).Sum(x => x.N))]))
            .Where(s => s.Counts.Any(c => c != 0)).OrderByDescending(s => s.Counts.Sum()).ThenBy(s => s.Key).ToList();
        if (all.Count <= MaxSeries) return all;
        var rest = all.Skip(MaxSeries - 1).ToList();
        return [.. all.Take(MaxSeries - 1), new("other", "其他", [.. buckets.Select((_, i) => rest.Sum(s => s.Counts[i]))])];
    }
}
