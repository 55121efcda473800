using GridGov.Infrastructure.Time;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Analytics.Rollups;

// Every deadline a ticket has had leaves a row per unit and day, which falls back to 0 when the ticket
// moves on or closes. The panorama's 超期 figure sums a unit's rows of past days, so without this the
// rows it reads would grow by one a day for ever (a grid's, a street's, the city's). Every hour the
// zero rows of past days go; a row of today or later may be set again at any moment and stays.
// A delete racing an upsert of the same row is safe on both databases: the delete re-checks Count = 0
// on the row it locks, and an upsert after it inserts the row again.
public sealed class PruneDeadlineTallies(GridDatabase database, TimeProvider time, ILogger<PruneDeadlineTallies> log) : BackgroundService
{
    static readonly TimeSpan Period = TimeSpan.FromHours(1);

    protected override Task ExecuteAsync(CancellationToken stop) =>
        Periodic.RunAsync(Period, time, RunOnceAsync, log, "Pruning the deadline tally", stop);

    // Answers how many rows went.
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var today = TallyCodes.Day(time.GetUtcNow().UtcDateTime);
        await using var db = database.CreateUnscoped(AuditActor.System);
        return await db.Set<DeadlineTally>().Where(t => t.Count == 0 && t.Day < today).ExecuteDeleteAsync(ct);
    }
}
