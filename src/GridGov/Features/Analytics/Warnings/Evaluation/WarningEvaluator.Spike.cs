using System.Text.Json;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Analytics.Warnings;

// One day of a spike warning's chart: the count, the baseline mean and the threshold that day.
public sealed record SpikePoint(DateOnly Day, int Count, double Mean, double Upper, bool Alarm);

// What a spike warning keeps for its chart: the method and limit, and the last days as checked.
public sealed record SpikeSeries(SpikeMethod Method, double Limit, List<SpikePoint> Days)
{
    public const int ChartDays = 28;
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SpikeSeries? Read(string? json) => json is null ? null : JsonSerializer.Deserialize<SpikeSeries>(json, Json);
}

// Spike: each unit's count of today (China date, so far) against its own trailing baseline, by EARS
// (Methods/Ears.cs). Once a day per unit at most: the evidence key is the rule, the unit and the date.
public sealed partial class WarningEvaluator
{
    async Task<List<WarningCandidate>> SpikeAsync(GridDbContext db, WarningRule rule, DateTime now, CancellationToken ct)
    {
        var method = rule.Method ?? SpikeMethod.C2;
        var (limit, sigma) = (rule.Limit ?? Ears.DefaultLimit(method), rule.MinSigma ?? 1);
        var today = ChinaTime.DateOf(now);
        var history = Ears.History(method);
        var rows = await DaysAsync(db, rule, null, today.AddDays(-history), now, ct);
        var found = new List<WarningCandidate>();
        foreach (var unit in rows.GroupBy(r => CountRules.GroupOf(r.GridCode, rule.AreaCode, rule.GroupLevel)))
        {
            var counts = Counts(unit, today, history + 1);
            var check = Ears.Check(counts, method, limit, sigma, rule.MinCount);
            if (!check.Alarm) continue;
            var key = EvidenceKeys.OfDay(rule.Id, unit.Key, today);
            if (await db.Warnings.AnyAsync(w => w.EvidenceKey == key, ct)) continue;
            var todays = unit.Where(r => ChinaTime.DateOf(r.ReportedAt) == today).Select(r => r.Id).ToList();
            var used = await UsedAsync(db, rule.Id, todays, ct);
            var ids = todays.Where(i => !used.Contains(i)).Order().ToList();
            // The chart: the unit's last four weeks, each day against its own baseline.
            var chartFrom = today.AddDays(-(SpikeSeries.ChartDays - 1 + history));
            var all = Counts(await DaysAsync(db, rule, unit.Key, chartFrom, now, ct), today, SpikeSeries.ChartDays + history);
            var series = new SpikeSeries(method, limit, [.. Ears.Series(all, method, limit, sigma, rule.MinCount)
                .Select(d => new SpikePoint(chartFrom.AddDays(d.Day), d.Check.Count, Math.Round(d.Check.Mean, 2), Math.Round(d.Check.Upper, 2), d.Check.Alarm))]);
            var name = await NameAsync(unit.Key, ct);
            var what = What(rule);
            found.Add(new(unit.Key, name, $"{name}{what}量突增：今日 {check.Count} 件",
                $"{today:yyyy年M月d日}截至 {ChinaTime.FromUtc(now):HH:mm}，{name}{what} {check.Count} 件；按 {WarningNames.Method(method)}，" +
                $"基线均值 {check.Mean:F1} 件、标准差 {check.Sd:F1}，统计量 {check.Statistic:F2} 超过 {limit:0.##}，警戒线 {check.Upper:F1} 件（规则“{rule.Name}”）。",
                key, ids) { Series = series.ToJson() });
        }
        return found;
    }

    sealed record DayRow(long Id, long GridCode, DateTime ReportedAt);

    // The rule's tickets from the start of a China day until now; within one unit when given.
    async Task<List<DayRow>> DaysAsync(GridDbContext db, WarningRule rule, long? unit, DateOnly fromDay, DateTime now, CancellationToken ct)
    {
        var from = ChinaTime.ToUtc(fromDay.ToDateTime(TimeOnly.MinValue));
        var q = TicketsOf(db, rule).Where(t => t.ReportedAt >= from && t.ReportedAt < now);
        if (unit is { } u)
        {
            var (lo, hi) = OrgCode.Subtree(u);
            q = q.Where(t => t.GridCode >= lo && t.GridCode <= hi);
        }
        return await q.Select(t => new DayRow(t.Id, t.GridCode, t.ReportedAt)).ToListAsync(ct);
    }

    // Tickets per China day, `days` days ending today, oldest first.
    static int[] Counts(IEnumerable<DayRow> rows, DateOnly today, int days)
    {
        var counts = new int[days];
        var first = today.AddDays(-(days - 1));
        foreach (var r in rows)
        {
            var i = ChinaTime.DateOf(r.ReportedAt).DayNumber - first.DayNumber;
            if (i >= 0 && i < days) counts[i]++;
        }
        return counts;
    }
}
