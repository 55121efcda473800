using System.Linq.Expressions;
using GridGov.Features.Analytics.Rollups;

namespace GridGov.Features.Panorama;

// A period as the rows of the tallies that hold it: today is one day's row, this month one month row,
// this year one year row; a week is its days' rows (never the month or year rows among them).
static class PanoramaPeriods
{
    public static string Name(PanoramaPeriod p) => p switch
    {
        PanoramaPeriod.Today => "今日", PanoramaPeriod.Week => "本周", PanoramaPeriod.Month => "本月", _ => "本年",
    };

    // The first China day of the period (a week starts on Monday), for what is read by time, not tallies.
    public static DateOnly Start(PanoramaPeriod p, DateOnly today) => p switch
    {
        PanoramaPeriod.Today => today,
        PanoramaPeriod.Week => today.AddDays(-(((int)today.DayOfWeek + 6) % 7)),
        PanoramaPeriod.Month => new(today.Year, today.Month, 1),
        _ => new(today.Year, 1, 1),
    };

    public static (int From, int To, bool Single) Days(PanoramaPeriod p, DateOnly today)
    {
        var day = TallyCodes.Day(today);
        switch (p)
        {
            case PanoramaPeriod.Today: return (day, day, true);
            case PanoramaPeriod.Month: return (TallyCodes.Month(today.Year, today.Month), 0, true);
            case PanoramaPeriod.Year: return (TallyCodes.Year(today.Year), 0, true);
            default:
                var monday = Start(p, today);
                return (TallyCodes.Day(monday), TallyCodes.Day(monday.AddDays(6)), false);
        }
    }

    // The period's rows of a tally: the one day, month or year row, or a week's day rows.
    public static Expression<Func<T, bool>> Rows<T>(PanoramaPeriod p, DateOnly today) where T : IDayTally
    {
        var (from, to, single) = Days(p, today);
        return single ? t => t.Day == from : t => t.Day >= from && t.Day <= to && t.Day % 100 != 0;
    }
}
