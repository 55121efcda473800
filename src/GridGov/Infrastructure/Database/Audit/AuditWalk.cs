using Microsoft.EntityFrameworkCore;

namespace GridGov.Infrastructure.Database;

public enum AuditFault
{
    Missing,          // a record is gone (seq gap)
    Broken,           // a record's PrevHash is not its predecessor's hash
    Altered,          // a record's content does not match its hash
    KeyStartAltered,  // the key-start record fails: it, or an unkeyed record before it, was rewritten
    KeyMissing,       // keyed records, but no key to check them with
    KeyMismatch,      // keyed with another key than the one configured
    Truncated,        // the database ends before the anchored head
    AnchorMismatch,   // the anchored record is not the one in the database any more
    AnchorInvalid,    // the anchor file was altered or cannot be read
    AnchorMissing,    // a keyed chain (or a key file) but no anchor file: a cut tail cannot be excluded
}

// A good link of the chain: its seq and hash, and the key-start record (0: none) of the stretch it is in.
public sealed record AuditLink(long Seq, string Hash, long KeyedFrom, string? KeyId)
{
    public static readonly AuditLink Start = new(0, "", 0, null);
}

// The first fault after `Last` (the last good link), or none; `Record` is the record at fault.
public sealed record AuditWalkResult(AuditLink Last, long Checked, AuditFault? Fault, long? FaultAt, AuditRecord? Record);

// Walks the chain in order from a known good link: every seq present, every PrevHash its
// predecessor's hash, every hash right (plain SM3 before the first key-start record, HMAC-SM3 after).
public static class AuditWalk
{
    const int Batch = 5000;

    public static async Task<AuditWalkResult> RunAsync(GridDbContext db, AuditKey? key, AuditLink from, CancellationToken ct = default)
    {
        var at = from;
        long count = 0;
        while (true)
        {
            var next = at.Seq + 1;
            var batch = await db.AuditRecords.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.Seq >= next).OrderBy(a => a.Seq).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0) return new(at, count, null, null, null);
            foreach (var r in batch)
            {
                if (r.Seq != at.Seq + 1) return new(at, count, AuditFault.Missing, at.Seq + 1, r);
                if (r.PrevHash != at.Hash) return new(at, count, AuditFault.Broken, r.Seq, r);
                var (keyedFrom, keyId) = AuditChain.IsKeyStart(r) ? (r.Seq, r.EntityKey) : (at.KeyedFrom, at.KeyId);
                if (keyId is not null && key is null) return new(at, count, AuditFault.KeyMissing, r.Seq, r);
                if (keyId is not null && keyId != key!.Id) return new(at, count, AuditFault.KeyMismatch, r.Seq, r);
                if (AuditChain.ComputeHash(r, keyId is null ? null : key) != r.Hash)
                    return new(at, count, AuditChain.IsKeyStart(r) ? AuditFault.KeyStartAltered : AuditFault.Altered, r.Seq, r);
                at = new(r.Seq, r.Hash, keyedFrom, keyId);
                count++;
            }
        }
    }

    // The link at `anchor` to walk on from, or null when the records there are not the anchored ones.
    public static async Task<AuditLink?> ResumeAtAsync(GridDbContext db, AuditAnchor anchor, CancellationToken ct = default)
    {
        var records = db.AuditRecords.IgnoreQueryFilters().AsNoTracking();
        var hash = await records.Where(a => a.Seq == anchor.Seq).Select(a => a.Hash).FirstOrDefaultAsync(ct);
        if (hash != anchor.Hash) return null;
        if (anchor.KeyedFrom == 0) return new(anchor.Seq, anchor.Hash, 0, null);
        var start = await records.FirstOrDefaultAsync(a => a.Seq == anchor.KeyedFrom, ct);
        return start is not null && AuditChain.IsKeyStart(start) ? new(anchor.Seq, anchor.Hash, start.Seq, start.EntityKey) : null;
    }
}
