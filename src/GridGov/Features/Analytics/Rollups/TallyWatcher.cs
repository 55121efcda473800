using GridGov.Features.Registry;
using GridGov.Features.Tickets;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace GridGov.Features.Analytics.Rollups;

// Keeps the tallies exact: every save that adds, changes or removes a ticket or a registry record
// writes the matching deltas in its own transaction, so a figure never disagrees with the rows.
sealed class TallyWatcher : IWriteWatcher
{
    public IWatchedWrite? Capture(ChangeTracker tracker)
    {
        TallyDeltas? d = null;
        foreach (var e in tracker.Entries())
        {
            if (e.Entity is not (Tickets.Ticket or RegistryRecord) || e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            d ??= new TallyDeltas();
            var before = e.State == EntityState.Added ? null : e.OriginalValues.ToObject();
            var after = e.State == EntityState.Deleted ? null : e.Entity;
            if (e.Entity is Ticket) OnTicket(d, (Ticket?)before, (Ticket?)after);
            else OnRecord(d, before, after);
        }
        return d is null || d.IsEmpty ? null : d;
    }

    public IWatchedWrite? Inserted(IReadOnlyList<object> rows)
    {
        if (rows.Count == 0 || rows[0] is not (Tickets.Ticket or RegistryRecord)) return null;
        var d = new TallyDeltas();
        foreach (var row in rows)
            if (row is Ticket t) TallyRules.AddTicket(d, t, 1);
            else TallyRules.AddRecord(d, row, 1);
        return d.IsEmpty ? null : d;
    }

    static void OnTicket(TallyDeltas d, Ticket? before, Ticket? after)
    {
        if (before is null) TallyRules.AddTicket(d, after!, 1);
        else if (after is null) TallyRules.AddTicket(d, before, -1);
        else TallyRules.ChangeTicket(d, before, after);
    }

    static void OnRecord(TallyDeltas d, object? before, object? after)
    {
        if (before is null) TallyRules.AddRecord(d, after!, 1);
        else if (after is null) TallyRules.AddRecord(d, before, -1);
        else TallyRules.ChangeRecord(d, before, after);
    }
}
