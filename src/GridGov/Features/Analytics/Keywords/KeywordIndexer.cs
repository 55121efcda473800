using System.Diagnostics;
using GridGov.Features.Organization;
using GridGov.Features.Registry.Addresses;
using GridGov.Features.Tickets;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Analytics.Keywords;

public sealed record KeywordIndexRun(int Tickets, int Days, int Months, TimeSpan Took);

// Keeps the keyword index (docs/hot-keywords.md) up with the tickets: every few seconds it reads the
// tickets above its high-water mark in batches, cuts their descriptions into keywords once and stores
// them per ticket, then sums finished days (and months) up per street and city. RunOnceAsync catches up
// completely, for tests and the command line; RebuildAsync starts from nothing. One round at a time.
public sealed class KeywordIndexer(GridDatabase database, KeywordIndexWrites writes, KeywordRollup rollup, TimeProvider clock,
    IHostApplicationLifetime lifetime, IConfiguration config, ILogger<KeywordIndexer> log) : BackgroundService
{
    public const int Batch = 1000;
    // PostgreSQL hands ids out when a transaction inserts, not when it commits: a gap before a ticket
    // written moments ago may be a ticket still committing. It is waited for this long.
    static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);
    // New roads and communities reach the place names this often.
    static readonly TimeSpan PlacesAge = TimeSpan.FromMinutes(10);

    readonly SemaphoreSlim gate = new(1, 1);
    readonly KeywordTermCache terms = new();
    (KeywordExtractor Extractor, DateTime At)? extractor;

    sealed record TicketText(long Id, string Description, long GridCode, DateTime ReportedAt, DateTime UpdatedAt);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var seconds = config.GetValue("GridGov:KeywordIndexSeconds", 10);
        if (seconds <= 0) return;
        // After the server listens: the first round must not delay the start.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult())) await started.Task.WaitAsync(stop);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), clock);
        do
        {
            try { await RunOnceAsync(stop); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogError(e, "Keyword indexing failed"); }
        }
        while (await timer.WaitForNextTickAsync(stop));
    }

    // `settle`: how long a gap in the ticket ids is waited for (Settle). A caller that knows no ticket is
    // being written meanwhile (a test between its steps) passes TimeSpan.Zero.
    public Task<KeywordIndexRun> RunOnceAsync(CancellationToken ct = default, TimeSpan? settle = null) => RoundAsync(false, settle ?? Settle, ct);

    public Task<KeywordIndexRun> RebuildAsync(CancellationToken ct = default) => RoundAsync(true, Settle, ct);

    async Task<KeywordIndexRun> RoundAsync(bool rebuild, TimeSpan settle, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            var watch = Stopwatch.StartNew();
            KeywordIndexState state;
            await using (var db = database.CreateUnscoped(AuditActor.System))
            {
                state = await writes.LoadAsync(db, ct);
                if (rebuild || state.Version != KeywordLexicon.Version)
                {
                    // The ids of the emptied KeywordTerms are free again.
                    terms.Forget();
                    if (!await writes.ClearAsync(db, state, ct)) return new(0, 0, 0, watch.Elapsed);
                    if (rebuild) await AuditRebuildAsync(db, ct);
                }
            }
            var x = await ExtractorAsync(ct);
            var today = ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);
            int tickets = 0, days = 0;
            while (await IndexBatchAsync(state, x, settle, ct) is { Tickets: > 0 } batch)
            {
                tickets += batch.Tickets;
                // Days before the batch's first day are most likely complete: summed now, the raw part
                // stays small while a long history is caught up.
                var first = batch.Days.Min();
                days += await rollup.RollDaysAsync(state, first < today ? first : today, ct);
            }
            days += await rollup.RollDaysAsync(state, today, ct);
            var months = await rollup.RollMonthsAsync(state, ct);
            return new(tickets, days, months, watch.Elapsed);
        }
        finally
        {
            gate.Release();
        }
    }

    // One batch: its tickets and the days they were reported on (none when there was nothing to do or
    // another node wrote first).
    async Task<(int Tickets, List<DateOnly> Days)> IndexBatchAsync(KeywordIndexState s, KeywordExtractor x, TimeSpan settle, CancellationToken ct)
    {
        await using var db = database.CreateUnscoped(AuditActor.System);
        var mark = s.LastTicketId;
        var read = await db.Tickets.IgnoreQueryFilters().AsNoTracking().Where(t => t.Id > mark).OrderBy(t => t.Id).Take(Batch)
            .Select(t => new TicketText(t.Id, t.Description, t.GridCode, t.ReportedAt, t.UpdatedAt)).ToListAsync(ct);
        var tickets = Settled(read, mark, clock.GetUtcNow().UtcDateTime - settle);
        if (tickets.Count == 0) return (0, []);
        if (!terms.Loaded) await terms.LoadAsync(db, ct);
        var fresh = new List<KeywordTerm>();
        var rows = new List<TicketKeyword>(tickets.Count * 10);
        foreach (var t in tickets)
        {
            var day = ChinaTime.DateOf(t.ReportedAt);
            rows.Add(new TicketKeyword { TicketId = t.Id, TermId = KeywordTerm.AllTickets, GridCode = t.GridCode, Day = day });
            foreach (var word in x.Keywords(t.Description))
                rows.Add(new TicketKeyword { TicketId = t.Id, TermId = terms.IdOf(word, fresh), GridCode = t.GridCode, Day = day });
        }
        var days = tickets.Select(t => ChinaTime.DateOf(t.ReportedAt)).Distinct().ToList();
        try
        {
            var written = await writes.WriteAsync(db, s, next =>
            {
                next.LastTicketId = tickets[^1].Id;
                // Days already summed up are counted from their tickets until summed again.
                next.DirtyDays = Days.Format(Days.Parse(next.DirtyDays).Concat(days.Where(d => d < next.RolledUpTo)));
            }, async () =>
            {
                await using (var writer = new BulkWriter<KeywordTerm>(db)) await writer.InsertManyAsync(fresh, ct);
                await using (var writer = new BulkWriter<TicketKeyword>(db)) await writer.InsertManyAsync(rows, ct);
            }, ct);
            if (written) return (tickets.Count, days);
            terms.Forget();
            return (0, []);
        }
        catch
        {
            terms.Forget();
            throw;
        }
    }

    // The tickets up to the first gap in the ids after which a ticket was written since `settled`.
    static List<TicketText> Settled(List<TicketText> tickets, long mark, DateTime settled)
    {
        var expected = mark + 1;
        for (var i = 0; i < tickets.Count; i++)
        {
            if (tickets[i].Id != expected && tickets[i].UpdatedAt > settled) return tickets[..i];
            expected = tickets[i].Id + 1;
        }
        return tickets;
    }

    // The place names of the database (org units above the grids, roads and compounds of the standard
    // addresses), read again every PlacesAge.
    async Task<KeywordExtractor> ExtractorAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (extractor is { } known && now - known.At < PlacesAge) return known.Extractor;
        await using var db = database.CreateUnscoped(AuditActor.System);
        var units = await db.OrgUnits.IgnoreQueryFilters().Where(u => u.Level != OrgLevel.Grid).Select(u => u.Name).ToListAsync(ct);
        var addresses = await db.Set<Address>().IgnoreQueryFilters().Where(a => a.ParentId == null).Select(a => a.Name).Distinct().ToListAsync(ct);
        var made = new KeywordExtractor(new PlaceNames(units.Concat(addresses)));
        extractor = (made, now);
        return made;
    }

    async Task AuditRebuildAsync(GridDbContext db, CancellationToken ct)
    {
        db.AuditSummary = new AuditSummary(KeywordAuditNames.RebuildAction, nameof(KeywordIndexState), KeywordIndexState.SingleId.ToString(), 0,
            System.Text.Json.JsonSerializer.Serialize(new { version = KeywordLexicon.Version }));
        await db.SaveChangesAsync(ct);
    }
}
