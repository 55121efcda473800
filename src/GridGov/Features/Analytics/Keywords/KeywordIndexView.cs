using System.Globalization;

namespace GridGov.Features.Analytics.Keywords;

// The index state as queries read it: which days of a period are summed up in KeywordCount and which
// must be counted from TicketKeyword (today, and days that got tickets after they were summed).
public sealed record KeywordIndexView(DateOnly RolledUpTo, IReadOnlySet<DateOnly> DirtyDays, IReadOnlySet<DateOnly> DirtyMonths, long LastTicketId)
{
    public static readonly KeywordIndexView Empty = new(DateOnly.MinValue, new HashSet<DateOnly>(), new HashSet<DateOnly>(), 0);

    public static KeywordIndexView Of(KeywordIndexState? s) => s is null ? Empty
        : new(s.RolledUpTo, Days.Parse(s.DirtyDays), Days.Parse(s.DirtyMonths), s.LastTicketId);

    // Days of [from, to] read from the sums: up to the day before RolledUpTo, less the dirty ones.
    public (DateOnly From, DateOnly To)? Rolled(DateOnly from, DateOnly to)
    {
        var end = RolledUpTo == DateOnly.MinValue ? (DateOnly?)null : RolledUpTo.AddDays(-1);
        return end is { } e && from <= e ? (from, to < e ? to : e) : null;
    }

    // The rest of [from, to]: a range from RolledUpTo on, and the dirty days inside the rolled part.
    public (DateOnly From, DateOnly To)? RawRange(DateOnly from, DateOnly to)
    {
        var start = from > RolledUpTo ? from : RolledUpTo;
        return start <= to ? (start, to) : null;
    }

    public List<DateOnly> DirtyIn(DateOnly from, DateOnly to) => [.. DirtyDays.Where(d => d >= from && d <= to && d < RolledUpTo).Order()];
}

// Sets of days stored as "yyyy-MM-dd,yyyy-MM-dd".
static class Days
{
    public static HashSet<DateOnly> Parse(string? text) =>
        [.. (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture))];

    public static string Format(IEnumerable<DateOnly> days) =>
        string.Join(",", days.Distinct().Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    public static DateOnly MonthOf(DateOnly d) => new(d.Year, d.Month, 1);

    public static DateOnly MonthEnd(DateOnly month) => month.AddMonths(1).AddDays(-1);
}
