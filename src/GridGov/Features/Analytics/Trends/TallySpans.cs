using GridGov.Features.Analytics.Rollups;

namespace GridGov.Features.Analytics.Trends;

// Which tally rows a range of days is: the whole months inside it as month rows (one row per key
// instead of thirty), the days at its ends as day rows.
public readonly record struct TallySpan(int Lo, int Hi, bool Months)
{
    // The month rows' codes (yyyymm00) from Lo to Hi. Read as a list, not as the range Lo..Hi: between
    // two month rows of a unit lie all its day rows, and a year's range would walk every one of them.
    public int[] MonthCodes()
    {
        var codes = new List<int>();
        for (var m = new DateOnly(Lo / 10_000, Lo / 100 % 100, 1); TallyCodes.Month(m.Year, m.Month) <= Hi; m = m.AddMonths(1))
            codes.Add(TallyCodes.Month(m.Year, m.Month));
        return [.. codes];
    }
}

public static class TallySpans
{
    public static List<TallySpan> Of(DateOnly from, DateOnly to)
    {
        var spans = new List<TallySpan>();
        var first = from.Day == 1 ? from : new DateOnly(from.Year, from.Month, 1).AddMonths(1);
        var end = to.AddDays(1);
        var last = new DateOnly(end.Year, end.Month, 1); // the first day after the whole months
        if (first >= last) return [Days(from, to)];
        if (from < first) spans.Add(Days(from, first.AddDays(-1)));
        spans.Add(new(TallyCodes.Month(first.Year, first.Month), TallyCodes.Month(last.AddMonths(-1).Year, last.AddMonths(-1).Month), true));
        if (last <= to) spans.Add(Days(last, to));
        return spans;
    }

    public static TallySpan Days(DateOnly from, DateOnly to) => new(TallyCodes.Day(from), TallyCodes.Day(to), false);
}
