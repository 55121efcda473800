using GridGov.Features.Tickets;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Analytics.Rollups;

public readonly record struct FlowDelta(long Created, long Closed, long OnTime, long Reworked, long Minutes)
{
    public static FlowDelta operator +(FlowDelta a, FlowDelta b) =>
        new(a.Created + b.Created, a.Closed + b.Closed, a.OnTime + b.OnTime, a.Reworked + b.Reworked, a.Minutes + b.Minutes);
}

// A closed ticket as the flow tally counts it; whether it was handled on time needs its history,
// which is read when the deltas are written (ApplyAsync). Sign −1: it left the count.
sealed record ClosedTicket(long Id, long Grid, DateTime ReportedAt, DateTime ClosedAt, DateTime? HandleDueAt, long Department, bool Reworked, int Sign)
{
    // A ticket added in this save has its id only once written.
    public Ticket? Added { get; init; }
    public long TicketId => Added?.Id ?? Id;

    public static ClosedTicket Of(Ticket t, int sign) =>
        new(t.Id, t.GridCode, t.ReportedAt, t.ClosedAt ?? t.UpdatedAt, t.HandleDueAt, t.LeadDepartmentId ?? 0, t.ReworkCount > 0, sign);

    // On time: reported back by the handling deadline (no deadline: nothing to be late for).
    public FlowDelta Delta(DateTime? handledAt) => new(0, Sign,
        HandleDueAt is null || (handledAt ?? ClosedAt) <= HandleDueAt ? Sign : 0,
        Reworked ? Sign : 0,
        Sign * (long)Math.Round((ClosedAt - ReportedAt).TotalMinutes));
}

// What one save changes in the tallies, summed per row before anything is written.
public sealed class TallyDeltas : IWatchedWrite
{
    public Dictionary<(long Code, int Day, TicketSource Source, TicketState State), long> Tickets { get; } = [];
    public Dictionary<(long Code, int Day, long Department), FlowDelta> Flows { get; } = [];
    public Dictionary<(long Code, string Kind, string Key), long> Registry { get; } = [];
    public Dictionary<(long Code, int Day, int Category, TicketSource Source), (long Count, long Repeats)> Categories { get; } = [];
    public Dictionary<(long Code, int Day), long> Deadlines { get; } = [];
    internal List<ClosedTicket> Closings { get; } = [];

    public bool IsEmpty => Tickets.Count == 0 && Flows.Count == 0 && Registry.Count == 0 && Categories.Count == 0 && Deadlines.Count == 0 && Closings.Count == 0;

    public void AddTicket(long grid, int day, TicketSource source, TicketState state, long n)
    {
        foreach (var code in TallyCodes.Of(grid))
        foreach (var span in TallyCodes.Spans(day))
            Tickets[(code, span, source, state)] = Tickets.GetValueOrDefault((code, span, source, state)) + n;
    }

    public void AddFlow(long grid, int day, long department, FlowDelta delta)
    {
        foreach (var code in TallyCodes.Of(grid))
        foreach (var span in TallyCodes.Spans(day))
            Flows[(code, span, department)] = Flows.GetValueOrDefault((code, span, department)) + delta;
    }

    public void AddCategory(long grid, int day, int category, TicketSource source, long n, long repeats)
    {
        foreach (var code in TallyCodes.Of(grid))
        foreach (var span in TallyCodes.Spans(day))
        {
            var (c, r) = Categories.GetValueOrDefault((code, span, category, source));
            Categories[(code, span, category, source)] = (c + n, r + repeats);
        }
    }

    public void AddDeadline(long grid, int day, long n)
    {
        foreach (var code in TallyCodes.Of(grid))
            Deadlines[(code, day)] = Deadlines.GetValueOrDefault((code, day)) + n;
    }

    public void AddRegistry(long grid, string kind, string key, long n)
    {
        foreach (var code in TallyCodes.Of(grid))
            Registry[(code, kind, key)] = Registry.GetValueOrDefault((code, kind, key)) + n;
    }

    public async Task ApplyAsync(GridDbContext db, CancellationToken ct)
    {
        await ResolveClosingsAsync(db, ct);
        await TallyUpserts.WriteAsync(db, this, ct);
    }

    // The closed tickets' flow figures, once their history says when they were reported back.
    public async Task ResolveClosingsAsync(GridDbContext db, CancellationToken ct)
    {
        if (Closings.Count == 0) return;
        var handled = new Dictionary<long, DateTime?>();
        foreach (var chunk in Closings.Select(c => c.TicketId).Distinct().Chunk(5000))
            foreach (var (id, at) in await HandledAt(db, [.. chunk], ct)) handled[id] = at;
        foreach (var c in Closings)
            AddFlow(c.Grid, TallyCodes.Day(c.ClosedAt), c.Department, c.Delta(handled.GetValueOrDefault(c.TicketId)));
        Closings.Clear();
    }

    // Moves the rows of units above `minCode` (district, city: their rows gather from many streets)
    // into `into`, leaving those of the street and below.
    public void MoveUpperRows(TallyDeltas into, long minCode)
    {
        Move(Tickets, into.Tickets, k => k.Code, minCode, (a, b) => a + b);
        Move(Flows, into.Flows, k => k.Code, minCode, (a, b) => a + b);
        Move(Registry, into.Registry, k => k.Code, minCode, (a, b) => a + b);
        Move(Deadlines, into.Deadlines, k => k.Code, minCode, (a, b) => a + b);
        Move(Categories, into.Categories, k => k.Code, minCode, (a, b) => (a.Count + b.Count, a.Repeats + b.Repeats));
    }

    static void Move<TKey, TValue>(Dictionary<TKey, TValue> from, Dictionary<TKey, TValue> into, Func<TKey, long> code, long minCode,
        Func<TValue, TValue, TValue> add) where TKey : notnull
    {
        foreach (var (k, v) in from.Where(x => code(x.Key) < minCode).ToList())
        {
            into[k] = into.TryGetValue(k, out var had) ? add(had, v) : v;
            from.Remove(k);
        }
    }

    // The deltas as new rows, for a rebuild into empty tables.
    public async Task InsertAsync(GridDbContext db, CancellationToken ct)
    {
        await using (var w = new BulkWriter<TicketTally>(db)) await w.InsertManyAsync([.. TicketRows()], ct);
        await using (var w = new BulkWriter<TicketFlowTally>(db)) await w.InsertManyAsync([.. FlowRows()], ct);
        await using (var w = new BulkWriter<CategoryTally>(db)) await w.InsertManyAsync([.. CategoryRows()], ct);
        await using (var w = new BulkWriter<RegistryTally>(db)) await w.InsertManyAsync([.. RegistryRows()], ct);
        await using (var w = new BulkWriter<DeadlineTally>(db)) await w.InsertManyAsync([.. DeadlineRows()], ct);
    }

    // The deltas that are not zero as rows of each tally; in key order when asked (TallyUpserts).
    public IEnumerable<TicketTally> TicketRows(bool inKeyOrder = false) =>
        Ordered(Tickets.Where(x => x.Value != 0), inKeyOrder)
            .Select(x => new TicketTally { Code = x.Key.Code, Day = x.Key.Day, Source = x.Key.Source, State = x.Key.State, Count = x.Value });

    public IEnumerable<TicketFlowTally> FlowRows(bool inKeyOrder = false) =>
        Ordered(Flows.Where(x => x.Value != default), inKeyOrder).Select(x => new TicketFlowTally
        {
            Code = x.Key.Code, Day = x.Key.Day, DepartmentId = x.Key.Department, Created = x.Value.Created, Closed = x.Value.Closed,
            ClosedOnTime = x.Value.OnTime, ClosedReworked = x.Value.Reworked, CloseMinutes = x.Value.Minutes,
        });

    public IEnumerable<CategoryTally> CategoryRows(bool inKeyOrder = false) =>
        Ordered(Categories.Where(x => x.Value != default), inKeyOrder).Select(x => new CategoryTally
        {
            Code = x.Key.Code, Day = x.Key.Day, CategoryId = x.Key.Category, Source = x.Key.Source, Count = x.Value.Count, Repeats = x.Value.Repeats,
        });

    public IEnumerable<RegistryTally> RegistryRows(bool inKeyOrder = false) =>
        Ordered(Registry.Where(x => x.Value != 0), inKeyOrder)
            .Select(x => new RegistryTally { Code = x.Key.Code, Kind = x.Key.Kind, Key = x.Key.Key, Count = x.Value });

    public IEnumerable<DeadlineTally> DeadlineRows(bool inKeyOrder = false) =>
        Ordered(Deadlines.Where(x => x.Value != 0), inKeyOrder).Select(x => new DeadlineTally { Code = x.Key.Code, Day = x.Key.Day, Count = x.Value });

    static IEnumerable<KeyValuePair<TKey, TValue>> Ordered<TKey, TValue>(IEnumerable<KeyValuePair<TKey, TValue>> entries, bool sort) =>
        sort ? entries.OrderBy(x => x.Key) : entries;

    // When each ticket was last reported back by its department (its history's last move to 待核查).
    internal static async Task<Dictionary<long, DateTime?>> HandledAt(GridDbContext db, List<long> ids, CancellationToken ct) =>
        await db.Set<TicketEvent>().Where(e => ids.Contains(e.TicketId) && e.To == TicketState.Handled)
            .GroupBy(e => e.TicketId).Select(g => new { g.Key, At = g.Max(e => (DateTime?)e.At) })
            .ToDictionaryAsync(g => g.Key, g => g.At, ct);
}
