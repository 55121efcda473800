using GridGov.Features.Organization;
using GridGov.Infrastructure;

namespace GridGov.Features.Terminal.Patrols;

// What the patrol use cases share: a patrol as a row (with its grid's name), times a client sends,
// and the China dates of a period.
public sealed class PatrolReads(Places places)
{
    public async Task<PatrolRow> RowAsync(Patrol p, DateTime now, CancellationToken ct) =>
        new(p.Id, p.WorkerId, p.WorkerName, p.GridCode, await places.NameAsync(p.GridCode, ct) ?? p.GridCode.ToString(), p.StartedAt, p.EndedAt,
            Duration(p, now), p.DistanceMeters, p.PointCount, p.ScanCount, p.EndedAt is null);

    public async Task<List<PatrolRow>> RowsAsync(IEnumerable<Patrol> patrols, DateTime now, CancellationToken ct)
    {
        var rows = new List<PatrolRow>();
        foreach (var p in patrols) rows.Add(await RowAsync(p, now, ct));
        return rows;
    }

    public static int Duration(Patrol p, DateTime now) => (int)Math.Max(0, ((p.EndedAt ?? now) - p.StartedAt).TotalSeconds);

    // A time a client sent: with a zone it is that instant; without one it is China time.
    public static DateTime Utc(DateTime t) => t.Kind switch
    {
        DateTimeKind.Utc => t,
        DateTimeKind.Local => t.ToUniversalTime(),
        _ => ChinaTime.ToUtc(t),
    };

    // The period of from–to (China dates, both included) as UTC instants: today when neither is
    // given, from a day up to today when only `from` is.
    public static (DateOnly From, DateOnly To, DateTime Since, DateTime Until) Period(DateOnly? from, DateOnly? to, DateTime now)
    {
        var today = ChinaTime.DateOf(now);
        var f = from ?? to ?? today;
        var t = to ?? (f < today ? today : f);
        return (f, t, ChinaTime.ToUtc(f.ToDateTime(TimeOnly.MinValue)), ChinaTime.ToUtc(t.AddDays(1).ToDateTime(TimeOnly.MinValue)));
    }

    public static Dictionary<string, string[]> CheckPeriod(DateOnly from, DateOnly to, int maxDays)
    {
        var errors = new Dictionary<string, string[]>();
        if (to < from) errors["to"] = ["结束日期不能早于开始日期"];
        else if (to.DayNumber - from.DayNumber + 1 > maxDays) errors["to"] = [$"查询期间不能超过 {maxDays} 天"];
        return errors;
    }

    public static string Minutes(int seconds) => seconds < 60 ? $"{seconds} 秒"
        : seconds < 3600 ? $"{seconds / 60} 分钟" : $"{seconds / 3600} 小时 {seconds % 3600 / 60} 分";

    public static string Km(double meters) => meters < 1000 ? $"{meters:0} 米" : $"{meters / 1000:0.00} 公里";
}
