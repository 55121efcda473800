using Microsoft.EntityFrameworkCore;

namespace GridGov.Infrastructure.Database;

public enum AnchorOutcome { Anchored, Unchanged, Empty, NoKey, Refused }

// Writes the chain's head to the anchor file (and the log) at start, every GridGov:AuditAnchorSeconds
// (60) when it moved, and at shutdown. The anchor only moves forward over links it has checked with
// the key; a database that no longer extends it (cut back, rewritten) is logged and the anchor kept.
public sealed class AuditAnchoring(GridDatabase database, IConfiguration config, TimeProvider time, ILogger<AuditAnchoring> log) : BackgroundService
{
    readonly SemaphoreSlim gate = new(1, 1);
    string? lastRefusal;

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var period = TimeSpan.FromSeconds(Math.Max(1, config.GetValue("GridGov:AuditAnchorSeconds", 60)));
        using var timer = new PeriodicTimer(period, time);
        do
        {
            try { await AnchorAsync(stop); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogError(e, "Audit anchoring failed"); }
        }
        while (await timer.WaitForNextTickAsync(stop));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try { await AnchorAsync(cancellationToken); }
        catch (Exception e) { log.LogError(e, "Audit anchoring at shutdown failed"); }
    }

    public async Task<AnchorOutcome> AnchorAsync(CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try { return await AnchorOnceAsync(ct); }
        finally { gate.Release(); }
    }

    async Task<AnchorOutcome> AnchorOnceAsync(CancellationToken ct)
    {
        var keys = database.AuditKeys;
        if (keys.Load() is not { } key) return AnchorOutcome.NoKey; // nothing written yet
        await using var db = database.CreateUnscoped(AuditActor.System);
        var records = db.AuditRecords.IgnoreQueryFilters().AsNoTracking();
        var head = await records.OrderByDescending(a => a.Seq).Select(a => new { a.Seq, a.Hash }).FirstOrDefaultAsync(ct);
        var (anchor, status) = AuditAnchor.Read(keys.AnchorFile, key);
        AuditLink last;
        if (status == AnchorStatus.Missing)
        {
            // First anchor: the chain is trusted as it stands (run verify-audit before, on an old database).
            if (head is null) return AnchorOutcome.Empty;
            var keyStart = await records.Where(a => a.Action == AuditChain.KeyStartAction && a.EntityType == AuditChain.KeyEntity)
                .OrderByDescending(a => a.Seq).Select(a => a.Seq).FirstOrDefaultAsync(ct);
            last = new(head.Seq, head.Hash, keyStart, null);
        }
        else if (status != AnchorStatus.Valid)
        {
            return Refuse($"the anchor file {keys.AnchorFile} is {(status == AnchorStatus.OtherKey ? "signed with another key" : "altered or unreadable")}; " +
                "it is kept for investigation (move it away to anchor afresh)");
        }
        else if (head is null || head.Seq < anchor!.Seq)
        {
            return Refuse($"the audit chain ends at seq {head?.Seq ?? 0}, before the anchored head {anchor!.Seq}: records were deleted");
        }
        else if (head.Seq == anchor.Seq && head.Hash == anchor.Hash)
        {
            return AnchorOutcome.Unchanged;
        }
        else
        {
            if (await AuditWalk.ResumeAtAsync(db, anchor, ct) is not { } from)
                return Refuse($"audit record {anchor.Seq} is no longer the anchored one: the chain was rewritten");
            var walk = await AuditWalk.RunAsync(db, key, from, ct);
            if (walk.Fault is { } fault) return Refuse($"audit record {walk.FaultAt} after the anchor fails verification ({fault})");
            last = walk.Last;
        }
        var signed = new AuditAnchor(last.Seq, last.Hash, AuditChain.Now(time), last.KeyedFrom).Sign(key);
        signed.Write(keys.AnchorFile);
        lastRefusal = null;
        log.LogInformation("Audit head anchored: seq {Seq} hash {Hash} key {KeyId} at {At:o}", signed.Seq, signed.Hash, signed.KeyId, signed.At);
        return AnchorOutcome.Anchored;
    }

    AnchorOutcome Refuse(string reason)
    {
        // Said once per cause rather than every minute.
        if (reason != lastRefusal) log.LogCritical("Audit anchor not moved: {Reason}. Run verify-audit.", reason);
        lastRefusal = reason;
        return AnchorOutcome.Refused;
    }
}
