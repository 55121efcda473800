using GridGov.Features.Analytics.Rollups;

namespace GridGov.Features.Analytics.Trends;

// Which tally rows a range of days is: the whole months inside it as month rows (one row per key
// instead of thirty), the days at its ends as day rows. Sign −1: rows to take away (see TallySpans.Of).
public readonly record struct TallySpan(int Lo, int Hi, bool Months, int Sign = 1)
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
    // For totals over a range. A month the range covers for the most part is its month row minus the
    // days left out (Sep 7 – Nov 30 is Sep–Nov minus Sep 1–6: 6 days of rows, not 24), so a range
    // never reads more than about half a month of day rows at either end. A month row is the sum of its
    // day rows by construction (TallyTests), so the difference is exact.
    public static List<TallySpan> Of(DateOnly from, DateOnly to)
    {
        var months = new List<DateOnly>();
        var days = new List<TallySpan>();
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1))
        {
            var end = m.AddMonths(1).AddDays(-1);
            var (lo, hi) = (from > m ? from : m, to < end ? to : end);
            var inside = hi.DayNumber - lo.DayNumber + 1;
            if (end.Day - inside >= inside)
            {
                days.Add(Days(lo, hi));
                continue;
            }
            months.Add(m);
            if (lo > m) days.Add(Days(m, lo.AddDays(-1)) with { Sign = -1 });
            if (hi < end) days.Add(Days(hi.AddDays(1), end) with { Sign = -1 });
        }
        var spans = new List<TallySpan>();
        // Months next to each other are one span: one query of equalities joined by UNION ALL.
        for (var i = 0; i < months.Count; i++)
        {
            var j = i;
            while (j + 1 < months.Count && months[j + 1] == months[j].AddMonths(1)) j++;
            spans.Add(new(TallyCodes.Month(months[i].Year, months[i].Month), TallyCodes.Month(months[j].Year, months[j].Month), true));
            i = j;
        }
        return [.. spans, .. days];
    }

    public static TallySpan Days(DateOnly from, DateOnly to) => new(TallyCodes.Day(from), TallyCodes.Day(to), false);
}
