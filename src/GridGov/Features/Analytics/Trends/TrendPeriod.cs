using System.Globalization;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Analytics.Trends;

public enum TrendStep { Day, Week, Month }

// One point of a trend: a day, a week (Monday to Sunday) or a calendar month, both ends included.
public sealed record TrendBucket(string Label, DateOnly From, DateOnly To);

// The period a trend covers, widened to whole steps (a week from Monday, a month from the 1st), and
// its buckets. 环比 compares each bucket with the one before it; 同比 with the same bucket a year
// earlier (for weeks: 52 weeks earlier, so that it is again Monday to Sunday).
public sealed record TrendPeriod(DateOnly From, DateOnly To, TrendStep Step)
{
    public const int MaxDays = 93, MaxWeeks = 26, MaxMonths = 36;

    public List<TrendBucket> Buckets()
    {
        var list = new List<TrendBucket>();
        for (var d = From; d <= To; d = Next(d))
            list.Add(new(Label(d), d, Next(d).AddDays(-1)));
        return list;
    }

    public DateOnly Next(DateOnly d) => Step switch { TrendStep.Day => d.AddDays(1), TrendStep.Week => d.AddDays(7), _ => d.AddMonths(1) };

    public DateOnly Before(DateOnly d) => Step switch { TrendStep.Day => d.AddDays(-1), TrendStep.Week => d.AddDays(-7), _ => d.AddMonths(-1) };

    public DateOnly YearBefore(DateOnly d) => Step == TrendStep.Week ? d.AddDays(-364) : d.AddYears(-1);

    // The period of the same length just before this one, and the same period a year earlier.
    public TrendPeriod Previous => Step == TrendStep.Month
        ? new(From.AddMonths(-Months), From.AddDays(-1), Step)
        : new(From.AddDays(From.DayNumber - To.DayNumber - 1), From.AddDays(-1), Step);

    public TrendPeriod LastYear => new(YearBefore(From),
        Step == TrendStep.Month ? new DateOnly(To.Year - 1, To.Month, 1).AddMonths(1).AddDays(-1) : YearBefore(To), Step);

    int Months => (To.Year - From.Year) * 12 + To.Month - From.Month + 1;

    string Label(DateOnly d) => Step switch
    {
        TrendStep.Day => d.ToString("MM-dd", CultureInfo.InvariantCulture),
        TrendStep.Week => $"{d:MM-dd}周",
        _ => d.ToString("yyyy-MM", CultureInfo.InvariantCulture),
    };

    // Defaults: the last 30 days, 12 weeks or 12 months up to today. Errors say which field and why.
    public static Result<TrendPeriod> Parse(string? step, string? from, string? to, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        TrendStep s = TrendStep.Day;
        if (!string.IsNullOrWhiteSpace(step) && !Enum.TryParse(step.Trim(), true, out s))
            errors["step"] = ["统计粒度应为 Day（按日）、Week（按周）或 Month（按月）"];
        var f = AnalysisDates.Parse(from, "from", "起始日期", errors);
        var t = AnalysisDates.Parse(to, "to", "截止日期", errors);
        if (errors.Count > 0) return Result<TrendPeriod>.Invalid(errors);
        var end = t ?? today;
        var begin = f ?? s switch { TrendStep.Day => end.AddDays(-29), TrendStep.Week => end.AddDays(-7 * 11), _ => end.AddMonths(-11) };
        if (end < begin) return Result<TrendPeriod>.Invalid("to", "截止日期不能早于起始日期");
        (begin, end) = s switch
        {
            TrendStep.Week => (begin.AddDays(-(((int)begin.DayOfWeek + 6) % 7)), end.AddDays(6 - ((int)end.DayOfWeek + 6) % 7)),
            TrendStep.Month => (new DateOnly(begin.Year, begin.Month, 1), new DateOnly(end.Year, end.Month, 1).AddMonths(1).AddDays(-1)),
            _ => (begin, end),
        };
        var p = new TrendPeriod(begin, end, s);
        var (count, max, unit) = s switch
        {
            TrendStep.Day => (end.DayNumber - begin.DayNumber + 1, MaxDays, "天"),
            TrendStep.Week => ((end.DayNumber - begin.DayNumber + 1) / 7, MaxWeeks, "周"),
            _ => (p.Months, MaxMonths, "个月"),
        };
        if (count > max) return Result<TrendPeriod>.Invalid("from", $"按{StepName(s)}统计时期间不能超过 {max} {unit}，请缩短期间或改用更粗的粒度");
        return Result<TrendPeriod>.Ok(p);
    }

    public static string StepName(TrendStep s) => s switch { TrendStep.Day => "日", TrendStep.Week => "周", _ => "月" };
}
