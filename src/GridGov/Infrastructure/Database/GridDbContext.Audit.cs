using Microsoft.EntityFrameworkCore;

namespace GridGov.Infrastructure.Database;

// Every write appends to the hash-chained audit trail in the same transaction as the write itself,
// each link keyed with the audit key (HMAC-SM3), which lives outside the database (ADR 0004).
public abstract partial class GridDbContext
{
    // The chain needs one writer at a time: each record hashes its predecessor. Within a process a
    // semaphore queues writers cheaply; across processes and nodes the AuditHead row lock does.
    static readonly SemaphoreSlim ChainLock = new(1, 1);

    internal AuditSummary? AuditSummary { get; set; }
    // For a save that writes several people's changes at once (intake's group commit): who made each.
    internal Dictionary<object, AuditActor>? EntityActors { get; set; }
    internal TimeProvider Clock { get; set; } = TimeProvider.System;
    internal AuditKeys AuditKeys { get; set; } = null!;
    internal Web.ClientSubmission? Submission { get; set; }
    // Kept in step with every save (WriteWatchers); none for a database opened without them.
    internal IReadOnlyList<IWriteWatcher> Watchers { get; set; } = [];

    // BulkWriter's rows, told to the watchers inside the same transaction.
    internal async Task WatchInsertedAsync(IReadOnlyList<object> rows, CancellationToken ct)
    {
        foreach (var w in Watchers)
            if (w.Inserted(rows) is { } write) await write.ApplyAsync(this, ct);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new InvalidOperationException("Use SaveChangesAsync: the audit trail is written asynchronously.");

    bool chainHeld;

    // For a transaction that writes before it saves (BulkWriter rows, then the audit summary): take the
    // chain's turn first and keep it to the end. Otherwise, on SQLite, whose write lock is the whole
    // database, this transaction would hold the write lock waiting for the chain while another writer
    // holds the chain waiting for the write lock.
    public async Task<IAsyncDisposable> HoldAuditChainAsync(CancellationToken ct = default)
    {
        await ChainLock.WaitAsync(ct);
        chainHeld = true;
        return new ChainHold(this);
    }

    sealed class ChainHold(GridDbContext db) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            if (db.chainHeld) { db.chainHeld = false; ChainLock.Release(); }
            return ValueTask.CompletedTask;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var pending = AuditCapture.Capture(ChangeTracker);
        var watched = Watchers.Select(w => w.Capture(ChangeTracker)).OfType<IWatchedWrite>().ToList();
        if (pending.Count == 0 && AuditSummary is null && watched.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        // The client id of this request, if it has one, is written with its first write (ClientRequests).
        if (Submission?.Take(AuditChain.Now(Clock)) is { } request) Add(request);

        var ownTurn = !chainHeld;
        if (ownTurn) await ChainLock.WaitAsync(cancellationToken);
        try
        {
            await using var tx = Database.CurrentTransaction is null
                ? await Database.BeginTransactionAsync(cancellationToken) : null;
            // Held until this transaction ends, so no other writer can read the same head meanwhile.
            await AuditHeads.Where(h => h.Id == 1).ExecuteUpdateAsync(u => u.SetProperty(h => h.Version, h => h.Version + 1), cancellationToken);
            // Accepted at once: the audit rows are saved by a second SaveChanges, which must not write
            // the business rows again. If that second save fails the transaction rolls back, and this
            // context (one per request or operation) is thrown away with the error.
            var saved = await base.SaveChangesAsync(true, cancellationToken);
            foreach (var w in watched) await w.ApplyAsync(this, cancellationToken);

            var at = AuditChain.Now(Clock);
            var actor = Actor;
            var records = AuditSummary is { } summary
                ? [AuditCapture.ToRecord(summary, actor, at)]
                : pending.Select(p => AuditCapture.ToRecord(p, EntityActors?.GetValueOrDefault(p.Entry.Entity) ?? actor, at)).ToList();
            AuditSummary = null;

            var key = AuditKeys.GetOrCreate();
            var last = await AuditRecords.IgnoreQueryFilters()
                .OrderByDescending(a => a.Seq).Select(a => new { a.Seq, a.Hash })
                .FirstOrDefaultAsync(cancellationToken);
            var (seq, prev) = last is null ? (0L, "") : (last.Seq, last.Hash);
            // A chain not yet keyed with this key (new, made before keying, or keyed with a lost key)
            // gets a key-start record first: from there on verification expects this key.
            if (AuditKeys.ChainKeyId != key.Id)
            {
                var chainKey = await AuditRecords.IgnoreQueryFilters()
                    .Where(a => a.Action == AuditChain.KeyStartAction && a.EntityType == AuditChain.KeyEntity)
                    .OrderByDescending(a => a.Seq).Select(a => a.EntityKey).FirstOrDefaultAsync(cancellationToken);
                if (chainKey != key.Id) records.Insert(0, AuditChain.KeyStart(key, chainKey, at));
            }
            foreach (var r in records)
            {
                r.Seq = ++seq;
                r.PrevHash = prev;
                r.Hash = prev = AuditChain.ComputeHash(r, key);
            }
            AuditRecords.AddRange(records);
            await base.SaveChangesAsync(true, cancellationToken);
            if (tx is null) return saved;
            await tx.CommitAsync(cancellationToken);
            // Only once committed here: a caller's own transaction could still roll the key-start back.
            AuditKeys.ChainKeyId = key.Id;
            return saved;
        }
        finally
        {
            if (ownTurn) ChainLock.Release();
        }
    }
}
