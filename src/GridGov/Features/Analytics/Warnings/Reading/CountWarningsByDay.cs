using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Analytics.Warnings;

// The chart above the list: warnings of the caller's area raised per China day of the last `days`
// days, by kind. Few rows (warnings are rare by design), so they are bucketed here rather than by a
// provider's date functions.
public sealed class CountWarningsByDay(GridDbContext db, TimeProvider time)
{
    public async Task<Result<List<WarningDay>>> HandleAsync(int? days, CancellationToken ct = default)
    {
        var span = days ?? 30;
        if (span is < 1 or > 366) return Result<List<WarningDay>>.Invalid("days", "天数须在 1–366 之间");
        var today = ChinaTime.DateOf(time.GetUtcNow().UtcDateTime);
        var first = today.AddDays(-(span - 1));
        var from = ChinaTime.ToUtc(first.ToDateTime(TimeOnly.MinValue));
        var raised = await db.Warnings.AsNoTracking().Where(w => w.RaisedAt >= from).Select(w => new { w.RaisedAt, w.Kind }).ToListAsync(ct);
        var counts = raised.GroupBy(w => (Day: ChinaTime.DateOf(w.RaisedAt), w.Kind)).ToDictionary(g => g.Key, g => g.Count());
        return Result<List<WarningDay>>.Ok([.. Enumerable.Range(0, span).Select(first.AddDays)
            .SelectMany(d => Enum.GetValues<WarningKind>().Select(k => new WarningDay(d, k, WarningNames.Kind(k), counts.GetValueOrDefault((d, k)))))]);
    }
}
