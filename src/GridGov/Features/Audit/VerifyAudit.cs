using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Audit;

public sealed record AuditVerification(long Checked, long? BrokenAt, string Message)
{
    public bool Intact => BrokenAt is null;
}

// `gridgov verify-audit`: walks the chain in order and names the first record that was altered or
// whose predecessor is gone. (Removing only the newest records cannot be seen from the chain alone.)
public sealed class VerifyAudit(GridDatabase database)
{
    const int Batch = 5000;

    public async Task<AuditVerification> RunAsync(CancellationToken ct = default)
    {
        await using var db = database.CreateUnscoped(AuditActor.System);
        long expected = 1;
        var prev = "";
        while (true)
        {
            var from = expected;
            var batch = await db.AuditRecords.AsNoTracking()
                .Where(a => a.Seq >= from).OrderBy(a => a.Seq).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var r in batch)
            {
                if (r.Seq != expected)
                    return new(expected - 1, expected, $"第 {expected} 条审计记录缺失（其后是第 {r.Seq} 条）：记录被删除");
                if (r.PrevHash != prev)
                    return new(expected - 1, r.Seq, $"第 {r.Seq} 条审计记录的前序哈希与第 {r.Seq - 1} 条不符：链已断开");
                if (AuditChain.ComputeHash(r) != r.Hash)
                    return new(expected - 1, r.Seq, $"第 {r.Seq} 条审计记录被篡改：内容与哈希不符（{r.At:yyyy-MM-dd HH:mm:ss} UTC，{r.ActorName}，{r.Action} {r.EntityType} {r.EntityKey}）");
                prev = r.Hash;
                expected++;
            }
        }
        return new(expected - 1, null, $"审计链完整：共 {expected - 1} 条记录，逐条校验通过");
    }
}
