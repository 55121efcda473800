using GridGov.Infrastructure;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Analytics.Keywords;

// A keyword's tickets over the period, per day (up to two months) or per week from Monday, beside all
// tickets of the same days. A word never seen is all zeros.
public sealed class GetKeywordTrend(KeywordAreas areas, KeywordCounter counter, TimeProvider clock)
{
    public const int MaxDailyDays = 62;

    public async Task<Result<KeywordTrend>> HandleAsync(KeywordWordQuery q, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(q.Word)) return Result<KeywordTrend>.Invalid("word", "请指定关键词");
        var period = KeywordPeriod.Parse(q.From, q.To, ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime));
        if (!period.Succeeded) return period.As<KeywordTrend>();
        var p = period.Value!;
        if (await areas.FindAsync(q.Unit, ct) is not { } area) return Result<KeywordTrend>.NotFound();
        var view = await counter.ViewAsync(ct);
        var term = await counter.TermAsync(q.Word, ct);
        var counts = term is { } t ? await counter.PerDayAsync(area, view, p.From, p.To, t, ct) : [];
        var all = await counter.PerDayAsync(area, view, p.From, p.To, KeywordTerm.AllTickets, ct);
        var weekly = p.Length > MaxDailyDays;
        var points = new List<KeywordTrendPoint>();
        for (var day = p.From; day <= p.To;)
        {
            var end = weekly ? Min(day.AddDays(7 - ((int)day.DayOfWeek + 6) % 7 - 1), p.To) : day;
            int Sum(Dictionary<DateOnly, int> d) => d.Where(x => x.Key >= day && x.Key <= end).Sum(x => x.Value);
            points.Add(new(day, weekly ? $"{day:MM-dd}起" : $"{day:MM-dd}", Sum(counts), Sum(all)));
            day = end.AddDays(1);
        }
        return Result<KeywordTrend>.Ok(new(q.Word.Trim(), area.Unit, area.Name, p.From, p.To, weekly ? "week" : "day", points));
    }

    static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
