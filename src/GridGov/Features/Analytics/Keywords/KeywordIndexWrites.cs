using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Analytics.Keywords;

// Every write of the keyword index, in one transaction: first the state row's revision is claimed (it
// must still be the one the indexer read, or another node wrote meanwhile: then nothing is written and
// the indexer reads the state again next round), then the rows. Derived data, rebuilt from the tickets
// at will: written without the change tracker, so the audit trail records only a rebuild (KeywordIndexer).
public sealed class KeywordIndexWrites(TimeProvider clock)
{
    internal async Task<KeywordIndexState> LoadAsync(GridDbContext db, CancellationToken ct)
    {
        var states = db.Set<KeywordIndexState>();
        if (await states.AsNoTracking().SingleOrDefaultAsync(s => s.Id == KeywordIndexState.SingleId, ct) is { } state) return state;
        var fresh = new KeywordIndexState { Id = KeywordIndexState.SingleId, Version = KeywordLexicon.Version, UpdatedAt = clock.GetUtcNow().UtcDateTime };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await using (var writer = new BulkWriter<KeywordIndexState>(db)) await writer.InsertAsync(fresh, ct);
        await tx.CommitAsync(ct);
        return fresh;
    }

    internal async Task<bool> WriteAsync(GridDbContext db, KeywordIndexState s, Action<KeywordIndexState> change, Func<Task> rows, CancellationToken ct)
    {
        var next = Copy(s);
        change(next);
        next.Revision = s.Revision + 1;
        next.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Set<KeywordIndexState>().Where(x => x.Id == KeywordIndexState.SingleId && x.Revision == s.Revision)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Revision, next.Revision).SetProperty(x => x.Version, next.Version)
                .SetProperty(x => x.LastTicketId, next.LastTicketId).SetProperty(x => x.RolledUpTo, next.RolledUpTo)
                .SetProperty(x => x.DirtyDays, next.DirtyDays).SetProperty(x => x.DirtyMonths, next.DirtyMonths)
                .SetProperty(x => x.UpdatedAt, next.UpdatedAt), ct);
        if (claimed == 0) return false;
        await rows();
        await tx.CommitAsync(ct);
        Copy(next, s);
        return true;
    }

    internal Task<bool> SaveAsync(GridDbContext db, KeywordIndexState s, Action<KeywordIndexState> change, CancellationToken ct) =>
        WriteAsync(db, s, change, () => Task.CompletedTask, ct);

    // Empties the index and starts it again with the current word lists.
    internal Task<bool> ClearAsync(GridDbContext db, KeywordIndexState s, CancellationToken ct) =>
        WriteAsync(db, s, x =>
        {
            (x.Version, x.LastTicketId, x.RolledUpTo, x.DirtyDays, x.DirtyMonths) = (KeywordLexicon.Version, 0, DateOnly.MinValue, "", "");
        }, async () =>
        {
            // Without the scope filter no WHERE is left, and both databases empty a table at once.
            await db.Set<KeywordCount>().ExecuteDeleteAsync(ct);
            await db.Set<TicketKeyword>().IgnoreQueryFilters().ExecuteDeleteAsync(ct);
            await db.Set<KeywordTerm>().ExecuteDeleteAsync(ct);
        }, ct);

    static KeywordIndexState Copy(KeywordIndexState s)
    {
        var copy = new KeywordIndexState { Id = s.Id, Version = s.Version };
        Copy(s, copy);
        return copy;
    }

    static void Copy(KeywordIndexState from, KeywordIndexState to)
    {
        (to.Version, to.LastTicketId, to.RolledUpTo, to.DirtyDays, to.DirtyMonths, to.Revision, to.UpdatedAt) =
            (from.Version, from.LastTicketId, from.RolledUpTo, from.DirtyDays, from.DirtyMonths, from.Revision, from.UpdatedAt);
    }
}
