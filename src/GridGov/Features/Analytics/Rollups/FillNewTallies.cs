using GridGov.Features.Registry.People;
using GridGov.Features.Tickets;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Analytics.Rollups;

// A database that had tickets or people before the tallies existed gets them computed once, at the
// start after the upgrade; from then on every save keeps them.
public sealed class FillNewTallies(GridDatabase database, RebuildTallies rebuild, ILogger<FillNewTallies> log)
{
    public async Task RunAsync(CancellationToken ct = default)
    {
        await using (var db = database.CreateUnscoped(AuditActor.System))
        {
            // CategoryTallies and DeadlineTallies came after the others: a database with tickets but none
            // of their rows is rebuilt too.
            var missing = ((!await db.Set<TicketTally>().AnyAsync(ct) || !await db.Set<CategoryTally>().AnyAsync(ct)) && await db.Set<Ticket>().AnyAsync(ct))
                || (!await db.Set<DeadlineTally>().AnyAsync(ct) && await db.Set<Ticket>().AnyAsync(t => t.DueAt != null, ct))
                || (!await db.Set<RegistryTally>().AnyAsync(ct) && await db.Set<Person>().AnyAsync(ct));
            if (!missing) return;
        }
        var report = await rebuild.RunAsync(ct);
        log.LogInformation("已为已有数据建立汇总表：事件 {Tickets} 件，基础信息 {Records} 条（用时 {Seconds:0.0} 秒）", report.Tickets, report.Records, report.Took.TotalSeconds);
    }
}
