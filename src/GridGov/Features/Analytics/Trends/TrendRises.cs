namespace GridGov.Features.Analytics.Trends;

// The major categories and the child units whose tickets rose most from one range to another (the
// period before → this period; or before → after a chosen date), from one read per range.
public static class TrendRises
{
    public sealed record Rises(long Base, long Count, List<TrendRise> Categories, List<TrendRise> Areas, List<TrendRise> AllCategories, List<TrendRise> AllAreas);

    public static async Task<Rises> OfAsync(TrendCounts counts, AnalysisUnits units, CategoryGroups groups, AnalysisUnit unit,
        (DateOnly From, DateOnly To) before, (DateOnly From, DateOnly To) after, TrendFilter f, CancellationToken ct)
    {
        var children = await units.ChildrenAsync(unit.Code, ct);
        // The unit's own rows by category; its children's as one total each.
        var a = await counts.ByCodeAndCategoryAsync([unit.Code], before.From, before.To, f, ct);
        var b = await counts.ByCodeAndCategoryAsync([unit.Code], after.From, after.To, f, ct);
        long[] codes = [.. children.Select(c => c.Code)];
        var childA = await counts.ByCodeAsync(codes, before.From, before.To, f, ct);
        var childB = await counts.ByCodeAsync(codes, after.From, after.To, f, ct);

        var categories = a.Concat(b).Select(x => groups.MajorOf(x.Key.Category)).Distinct()
            .Select(m => new TrendRise(m.Code, m.Name, new Growth(Sum(b, unit.Code, m.Code, groups), Sum(a, unit.Code, m.Code, groups))))
            .OrderByDescending(r => r.Growth.Change).ThenBy(r => r.Key).ToList();
        var areas = children.Select(c => new TrendRise(c.Code.ToString(), c.Name, new Growth(childB.GetValueOrDefault(c.Code), childA.GetValueOrDefault(c.Code))))
            .OrderByDescending(r => r.Growth.Change).ThenBy(r => r.Key).ToList();
        return new(Sum(a, unit.Code, null, groups), Sum(b, unit.Code, null, groups),
            [.. categories.Where(r => r.Growth.Change > 0).Take(GetTrend.RiseCount)], [.. areas.Where(r => r.Growth.Change > 0).Take(GetTrend.RiseCount)],
            categories, areas);
    }

    static long Sum(Dictionary<(long Code, int Category), (long N, long Repeats)> d, long code, string? major, CategoryGroups groups) =>
        d.Where(x => x.Key.Code == code && (major is null || groups.MajorOf(x.Key.Category).Code == major)).Sum(x => x.Value.N);
}
