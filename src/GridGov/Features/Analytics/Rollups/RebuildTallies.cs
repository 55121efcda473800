using GridGov.Features.Organization;
using GridGov.Features.Registry;
using GridGov.Features.Registry.Components;
using GridGov.Features.Registry.Focus;
using GridGov.Features.Registry.Houses;
using GridGov.Features.Registry.People;
using GridGov.Features.Registry.Units;
using GridGov.Features.Tickets;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Places;
using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace GridGov.Features.Analytics.Rollups;

public sealed record RebuildReport(long Tickets, long Records, TimeSpan Took);

// Recomputes every tally from the raw rows (`gridgov rebuild-tallies`, the benchmarks, and the test
// that the kept tallies equal a recomputation). One transaction that first takes the audit chain's
// row lock, so no save of another process adds deltas meanwhile. Street by street, so that memory
// holds one street's rows and the grid, community and street rows are written once.
public sealed class RebuildTallies(GridDatabase database)
{
    public async Task<RebuildReport> RunAsync(CancellationToken ct = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var db = database.CreateUnscoped(AuditActor.System);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await using var hold = await db.HoldAuditChainAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.AuditHeads.Where(h => h.Id == 1).ExecuteUpdateAsync(u => u.SetProperty(h => h.Version, h => h.Version + 1), ct);
        await db.Set<TicketTally>().ExecuteDeleteAsync(ct);
        await db.Set<TicketFlowTally>().ExecuteDeleteAsync(ct);
        await db.Set<RegistryTally>().ExecuteDeleteAsync(ct);
        await db.Set<CategoryTally>().ExecuteDeleteAsync(ct);
        await db.Set<DeadlineTally>().ExecuteDeleteAsync(ct);

        long tickets = 0, records = 0;
        // A street's own rows (grid, community, street) come only from its range: written as it ends.
        // The district's and the city's gather from every street: written at the end.
        var upper = new TallyDeltas();
        foreach (var (from, to) in await Ranges(db, ct))
        {
            var d = new TallyDeltas();
            tickets += await TicketsAsync(db, d, from, to, ct);
            records += await RecordsAsync(db, d, from, to, ct);
            await d.ResolveClosingsAsync(db, ct);
            d.MoveUpperRows(upper, StreetCodes);
            await d.InsertAsync(db, ct);
        }
        await upper.InsertAsync(db, ct);
        await tx.CommitAsync(ct);
        await VacuumAsync(db, ct);
        return new(tickets, records, clock.Elapsed);
    }

    // PostgreSQL: tens of millions of fresh rows have no planner statistics and no visibility map
    // until autovacuum gets round to them, minutes later; meanwhile a figure's ANY(…) lookups are
    // planned blind and every index read visits the table. Done at once, as part of the rebuild.
    static async Task VacuumAsync(GridDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return;
        var sql = db.GetService<ISqlGenerationHelper>();
        var tables = new[] { typeof(TicketTally), typeof(TicketFlowTally), typeof(CategoryTally), typeof(RegistryTally), typeof(DeadlineTally) }
            .Select(t => db.Model.FindEntityType(t)!).Select(e => sql.DelimitIdentifier(e.GetTableName()!, e.GetSchema()));
        // Table names from the model, quoted by the provider: nothing here comes from a user.
        var vacuum = "VACUUM (ANALYZE) " + string.Join(", ", tables);
        await db.Database.ExecuteSqlRawAsync(vacuum, ct);
    }

    // Street codes have 9 digits; the city's 4 and districts' 6 are below this.
    const long StreetCodes = 100_000_000;

    // Every street's grid-code range, and what lies outside all of them (code 0, codes of units
    // since removed) in the gaps between.
    static async Task<List<(long From, long To)>> Ranges(GridDbContext db, CancellationToken ct)
    {
        var streets = await db.OrgUnits.Where(u => u.Level == OrgLevel.Street).OrderBy(u => u.Code).Select(u => u.Code).ToListAsync(ct);
        var ranges = new List<(long, long)>();
        var next = long.MinValue;
        foreach (var (from, to) in streets.Select(OrgCode.Subtree))
        {
            if (from > next) ranges.Add((next, from - 1));
            ranges.Add((from, to));
            next = to + 1;
        }
        ranges.Add((next, long.MaxValue));
        return ranges;
    }

    static async Task<long> TicketsAsync(GridDbContext db, TallyDeltas d, long from, long to, CancellationToken ct)
    {
        long n = 0;
        var rows = db.Set<Ticket>().AsNoTracking().Where(t => t.GridCode >= from && t.GridCode <= to)
            .Select(t => new Ticket
            {
                Id = t.Id, GridCode = t.GridCode, ReportedAt = t.ReportedAt, UpdatedAt = t.UpdatedAt, Source = t.Source, State = t.State,
                ClosedAt = t.ClosedAt, DueAt = t.DueAt, HandleDueAt = t.HandleDueAt, LeadDepartmentId = t.LeadDepartmentId, ReworkCount = t.ReworkCount,
                CategoryId = t.CategoryId, PrimaryId = t.PrimaryId,
                Description = "", AcceptLimit = "", DispatchLimit = "", HandleLimit = "", VerifyLimit = "",
            });
        await foreach (var t in rows.AsAsyncEnumerable().WithCancellation(ct)) { TallyRules.AddTicket(d, t, 1); n++; }
        return n;
    }

    static async Task<long> RecordsAsync(GridDbContext db, TallyDeltas d, long from, long to, CancellationToken ct)
    {
        long n = 0;
        void Add(RegistryRecord r) { TallyRules.AddRecord(d, r, 1); n++; }
        await foreach (var r in db.Set<Person>().AsNoTracking().Where(x => x.GridCode >= from && x.GridCode <= to && x.State != VerificationState.Removed)
            .Select(x => new Person { GridCode = x.GridCode, State = x.State, Residency = x.Residency }).AsAsyncEnumerable().WithCancellation(ct)) Add(r);
        await foreach (var r in db.Set<House>().AsNoTracking().Where(x => x.GridCode >= from && x.GridCode <= to && x.State != VerificationState.Removed)
            .Select(x => new House { GridCode = x.GridCode, State = x.State, Use = x.Use }).AsAsyncEnumerable().WithCancellation(ct)) Add(r);
        await foreach (var r in db.Set<Unit>().AsNoTracking().Where(x => x.GridCode >= from && x.GridCode <= to && x.State != VerificationState.Removed)
            .Select(x => new Unit { GridCode = x.GridCode, State = x.State, Kind = x.Kind }).AsAsyncEnumerable().WithCancellation(ct)) Add(r);
        await foreach (var r in db.Set<FocusSubject>().AsNoTracking().Where(x => x.GridCode >= from && x.GridCode <= to && x.State != VerificationState.Removed && x.ClosedOn == null)
            .Select(x => new FocusSubject { GridCode = x.GridCode, State = x.State, Kind = x.Kind, Special = x.Special }).AsAsyncEnumerable().WithCancellation(ct)) Add(r);
        await foreach (var r in db.Set<Component>().AsNoTracking().Where(x => x.GridCode >= from && x.GridCode <= to && x.State != VerificationState.Removed)
            .Select(x => new Component { GridCode = x.GridCode, State = x.State, ClassCode = x.ClassCode }).AsAsyncEnumerable().WithCancellation(ct)) Add(r);
        return n;
    }
}
