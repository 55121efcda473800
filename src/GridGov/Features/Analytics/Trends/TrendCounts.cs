using GridGov.Features.Analytics.Rollups;
using GridGov.Features.Tickets;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Analytics.Trends;

public enum TrendBy { None, Source, Category, State, Area }

// What a trend counts: tickets reported, optionally of some categories (minor ids) or one source.
public sealed record TrendFilter(int[]? Categories, TicketSource? Source);

// Sums of tally rows for one unit or a few, always in SQL: a question reads at most a few thousand
// summed rows, whatever the number of tickets behind them.
public sealed class TrendCounts(GridDbContext db)
{
    // Per tally row date (a day, or yyyymm00 for month rows) and key of `by` (the source's, state's or
    // category's number; for Area the index of the child in `areas`; 0 for None).
    public async Task<List<(int Day, int Key, long N)>> SeriesAsync(long code, TallySpan span, TrendBy by, TrendFilter f, CancellationToken ct,
        long[]? areas = null)
    {
        if (by == TrendBy.Area)
            return areas is not { Length: > 0 } ? []
                : (await Rows(areas, span, f).GroupBy(t => new { t.Day, t.Code }).Select(g => new { g.Key.Day, g.Key.Code, N = g.Sum(t => t.Count) }).ToListAsync(ct))
                    .Select(x => (x.Day, Array.IndexOf(areas, x.Code), x.N)).ToList();
        if (by == TrendBy.State)
        {
            var all = db.Set<TicketTally>().Where(t => t.Code == code);
            if (f.Source is { } src) all = all.Where(t => t.Source == src);
            var s = InSpan(all, span);
            return (await s.GroupBy(t => new { t.Day, t.State }).Select(g => new { g.Key.Day, g.Key.State, N = g.Sum(t => t.Count) }).ToListAsync(ct))
                .Select(x => (x.Day, (int)x.State, x.N)).ToList();
        }
        var q = Rows([code], span, f);
        return by switch
        {
            TrendBy.Source => (await q.GroupBy(t => new { t.Day, t.Source }).Select(g => new { g.Key.Day, g.Key.Source, N = g.Sum(t => t.Count) }).ToListAsync(ct))
                .Select(x => (x.Day, (int)x.Source, x.N)).ToList(),
            TrendBy.Category => (await q.GroupBy(t => new { t.Day, t.CategoryId }).Select(g => new { g.Key.Day, g.Key.CategoryId, N = g.Sum(t => t.Count) }).ToListAsync(ct))
                .Select(x => (x.Day, x.CategoryId, x.N)).ToList(),
            _ => (await q.GroupBy(t => t.Day).Select(g => new { Day = g.Key, N = g.Sum(t => t.Count) }).ToListAsync(ct))
                .Select(x => (x.Day, 0, x.N)).ToList(),
        };
    }

    // Totals over a range by unit code and category: (code, category id) → (tickets, repeats).
    public async Task<Dictionary<(long Code, int Category), (long N, long Repeats)>> ByCodeAndCategoryAsync(
        long[] codes, DateOnly from, DateOnly to, TrendFilter f, CancellationToken ct)
    {
        var sums = new Dictionary<(long, int), (long, long)>();
        foreach (var span in TallySpans.Of(from, to))
            foreach (var x in await Rows(codes, span, f).GroupBy(t => new { t.Code, t.CategoryId })
                         .Select(g => new { g.Key.Code, g.Key.CategoryId, N = g.Sum(t => t.Count), R = g.Sum(t => t.Repeats) }).ToListAsync(ct))
            {
                var (n, r) = sums.GetValueOrDefault((x.Code, x.CategoryId));
                sums[(x.Code, x.CategoryId)] = (n + span.Sign * x.N, r + span.Sign * x.R);
            }
        // A month row less its left-out days can leave a category at nothing: it had no tickets in the range.
        return sums.Where(s => s.Value != (0, 0)).ToDictionary();
    }

    // Tickets per unit code over a range. Without a filter they come from the flow tally's reported
    // count (one row per unit and day or month, not one per category and source): a city's districts
    // over a year are a few hundred rows instead of a hundred thousand.
    public async Task<Dictionary<long, long>> ByCodeAsync(long[] codes, DateOnly from, DateOnly to, TrendFilter f, CancellationToken ct)
    {
        var sums = new Dictionary<long, long>();
        if (codes.Length == 0) return sums;
        foreach (var span in TallySpans.Of(from, to))
        {
            var rows = f.Categories is null && f.Source is null
                ? InSpan(db.Set<TicketFlowTally>().Where(t => codes.Contains(t.Code) && t.DepartmentId == 0), span)
                    .GroupBy(t => t.Code).Select(g => new { g.Key, N = g.Sum(t => t.Created) })
                : Rows(codes, span, f).GroupBy(t => t.Code).Select(g => new { g.Key, N = g.Sum(t => t.Count) });
            foreach (var x in await rows.ToListAsync(ct)) sums[x.Key] = sums.GetValueOrDefault(x.Key) + span.Sign * x.N;
        }
        return sums;
    }

    // Totals over a range by unit code, category and source, with repeats (the comparison of sources).
    public async Task<List<(long Code, int Category, TicketSource Source, long N, long Repeats)>> BySourceAsync(
        long[] codes, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var sums = new Dictionary<(long, int, TicketSource), (long N, long R)>();
        foreach (var span in TallySpans.Of(from, to))
            foreach (var x in await Rows(codes, span, new(null, null)).GroupBy(t => new { t.Code, t.CategoryId, t.Source })
                         .Select(g => new { g.Key.Code, g.Key.CategoryId, g.Key.Source, N = g.Sum(t => t.Count), R = g.Sum(t => t.Repeats) }).ToListAsync(ct))
            {
                var (n, r) = sums.GetValueOrDefault((x.Code, x.CategoryId, x.Source));
                sums[(x.Code, x.CategoryId, x.Source)] = (n + span.Sign * x.N, r + span.Sign * x.R);
            }
        return [.. sums.Where(s => s.Value.N != 0 || s.Value.R != 0).Select(s => (s.Key.Item1, s.Key.Item2, s.Key.Item3, s.Value.N, s.Value.R))];
    }

    IQueryable<CategoryTally> Rows(long[] codes, TallySpan span, TrendFilter f)
    {
        var q = codes.Length == 1 ? db.Set<CategoryTally>().Where(t => t.Code == codes[0]) : db.Set<CategoryTally>().Where(t => codes.Contains(t.Code));
        if (f.Categories is { } cats) q = q.Where(t => cats.Contains(t.CategoryId));
        if (f.Source is { } s) q = q.Where(t => t.Source == s);
        return InSpan(q, span);
    }

    // A span's rows: day rows as a range of Day; month rows one equality each, joined by UNION ALL. A
    // list (Day = ANY(…)) leaves the plan to the planner's guess, which on PostgreSQL at city scale
    // can walk every day row of the unit; an equality on the key's second column cannot.
    static IQueryable<T> InSpan<T>(IQueryable<T> q, TallySpan span) where T : IDayTally =>
        span.Months
            ? span.MonthCodes().Select(m => q.Where(t => t.Day == m)).Aggregate((a, b) => a.Concat(b))
            : q.Where(t => t.Day >= span.Lo && t.Day <= span.Hi && t.Day % 100 != 0);
}
