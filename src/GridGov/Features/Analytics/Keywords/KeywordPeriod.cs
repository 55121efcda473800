using System.Globalization;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Analytics.Keywords;

// A period of China dates, both ends included, with the period before it of the same length (环比) and
// the reference months the weights are measured against (docs/hot-keywords.md).
public sealed record KeywordPeriod(DateOnly From, DateOnly To)
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;

    public int Length => To.DayNumber - From.DayNumber + 1;

    public KeywordPeriod Previous => new(From.AddDays(-Length), From.AddDays(-1));

    // The 12 whole months before the month the period starts in: history it is compared with, never
    // overlapping it, so that the reference is those months plus the period itself.
    public (DateOnly First, DateOnly Last) ReferenceMonths
    {
        get
        {
            var month = Days.MonthOf(From);
            return (month.AddMonths(-12), month.AddMonths(-1));
        }
    }

    // The last 30 days up to today unless told; a missing end is today (or the start, if later).
    public static Result<KeywordPeriod> Parse(string? from, string? to, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        var f = AnalysisDates.Parse(from, "from", "起始日期", errors);
        var t = AnalysisDates.Parse(to, "to", "截止日期", errors);
        if (errors.Count > 0) return Result<KeywordPeriod>.Invalid(errors);
        var end = t ?? (f is { } start && start > today ? start : today);
        var begin = f ?? end.AddDays(1 - DefaultDays);
        if (end < begin) return Result<KeywordPeriod>.Invalid("to", "截止日期不能早于起始日期");
        if (end.DayNumber - begin.DayNumber + 1 > MaxDays) return Result<KeywordPeriod>.Invalid("to", $"查询期间不能超过 {MaxDays} 天");
        return Result<KeywordPeriod>.Ok(new(begin, end));
    }
}
