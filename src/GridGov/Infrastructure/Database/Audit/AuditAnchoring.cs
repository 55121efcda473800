using Microsoft.EntityFrameworkCore;

namespace GridGov.Infrastructure.Database;

public enum AnchorOutcome { Anchored, Unchanged, Empty, NoKey, Refused }

// Writes the chain's head to the anchor file (and the log) at start, every GridGov:AuditAnchorSeconds
// (60) when it moved, and at shutdown. The anchor only moves forward over links it has checked with
// the key; a database that no longer extends it (cut back, rewritten) is logged and the anchor kept.
// Without an anchor file it anchors afresh on its own only a fresh keyed stretch (its key-start record
// younger than two periods, or none yet); otherwise the file was lost or removed, perhaps with a cut
// tail, and only an operator may anchor again (`gridgov reanchor-audit`, AnchorAsync(afresh: true)).
public sealed class AuditAnchoring(GridDatabase database, IConfiguration config, TimeProvider time, ILogger<AuditAnchoring> log) : BackgroundService
{
    readonly SemaphoreSlim gate = new(1, 1);
    readonly TaskCompletionSource startPass = new(TaskCreationOptions.RunContinuationsAsynchronously);
    string? lastRefusal;

    // Done once the anchoring at start has run: the host starts it in the background, so whoever
    // must know the start's anchor is in place (or refused) waits for this.
    public Task StartPass => startPass.Task;

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Period, time);
        do
        {
            try { await AnchorAsync(stop); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogError(e, "Audit anchoring failed"); }
            finally { startPass.TrySetResult(); }
        }
        while (await timer.WaitForNextTickAsync(stop));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try { await AnchorAsync(cancellationToken); }
        catch (Exception e) { log.LogError(e, "Audit anchoring at shutdown failed"); }
    }

    TimeSpan Period => TimeSpan.FromSeconds(Math.Max(1, config.GetValue("GridGov:AuditAnchorSeconds", 60)));

    public async Task<AnchorOutcome> AnchorAsync(CancellationToken ct = default) => await AnchorAsync(false, ct);

    public async Task<AnchorOutcome> AnchorAsync(bool afresh, CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try { return await AnchorOnceAsync(afresh, ct); }
        finally { gate.Release(); }
    }

    async Task<AnchorOutcome> AnchorOnceAsync(bool afresh, CancellationToken ct)
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
            if (head is null) return AnchorOutcome.Empty;
            var keyStart = await records.Where(a => a.Action == AuditChain.KeyStartAction && a.EntityType == AuditChain.KeyEntity)
                .OrderByDescending(a => a.Seq).FirstOrDefaultAsync(ct);
            if (keyStart is null) last = new(head.Seq, head.Hash, 0, null); // not keyed yet: nothing to protect
            else
            {
                if (!afresh && AuditChain.Now(time) - keyStart.At > 2 * Period)
                    return Refuse($"the anchor file {keys.AnchorFile} is missing although the chain is keyed since seq {keyStart.Seq} " +
                        $"({keyStart.At:o}); records cut from its tail could not be seen, so it is not anchored afresh. " +
                        "Restore the anchor file from a backup, or after investigating run `gridgov reanchor-audit`");
                // The stretch to anchor is checked with the key from its key-start record on.
                var walk = await AuditWalk.RunAsync(db, key, new AuditLink(keyStart.Seq - 1, keyStart.PrevHash, 0, null), ct);
                if (walk.Fault is { } fault) return Refuse($"audit record {walk.FaultAt} fails verification ({fault}); no anchor is written");
                last = walk.Last;
            }
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
        log.LogInformation("审计链已锚定：序号 {Seq}，哈希 {Hash}，密钥 {KeyId}，时间 {At:o}", signed.Seq, signed.Hash, signed.KeyId, signed.At);
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
