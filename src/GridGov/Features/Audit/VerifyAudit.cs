using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Audit;

public sealed record AuditVerification(long Checked, long? BrokenAt, string Message, AuditFault? Fault = null)
{
    public bool Intact => Fault is null;
}

// `gridgov verify-audit`: walks the chain in order with the audit key and names the first record
// that was altered (and re-hashed with every later one) or removed, then compares the database's
// head with the signed anchor outside it, which shows a cut-back tail. A missing or wrong key is
// said as such (ADR 0004).
public sealed class VerifyAudit(GridDatabase database)
{
    public async Task<AuditVerification> RunAsync(CancellationToken ct = default)
    {
        var keys = database.AuditKeys;
        AuditKey? key;
        try { key = keys.Load(); }
        catch (InvalidOperationException e) { return new(0, null, e.Message, AuditFault.KeyMismatch); }

        await using var db = database.CreateUnscoped(AuditActor.System);
        var walk = await AuditWalk.RunAsync(db, key, AuditLink.Start, ct);
        var records = db.AuditRecords.IgnoreQueryFilters().AsNoTracking();
        var (anchor, status) = AuditAnchor.Read(keys.AnchorFile, key);
        if (walk.Fault is { } fault)
        {
            // An anchor that verifies with this key says the chain is keyed with it: another key id
            // inside or after the anchored stretch is tampering, not a misconfigured key.
            if (fault == AuditFault.KeyMismatch && status == AnchorStatus.Valid && walk.Record!.Seq >= anchor!.KeyedFrom)
                return await ForeignKeyStartAsync(db, walk, anchor, key!, ct);
            var message = Describe(fault, walk, keys, key);
            if (fault == AuditFault.KeyMismatch) message += status switch
            {
                AnchorStatus.Missing => $"；未找到锚点文件 {keys.AnchorFile}，无法区分密钥配置错误与记录被伪造",
                AnchorStatus.Valid => "",
                _ => $"；锚点文件 {keys.AnchorFile} 也不能以当前密钥验证：要么当前密钥不对，要么锚点文件和这些记录是伪造的",
            };
            return new(walk.Checked, walk.FaultAt, message, fault);
        }

        var head = walk.Last.Seq;
        switch (status)
        {
            case AnchorStatus.Invalid:
                return new(head, null, $"锚点文件 {keys.AnchorFile} 被改动或无法读取（签名不符）：无法确认审计链末尾是否完整", AuditFault.AnchorInvalid);
            case AnchorStatus.NoKey:
                return new(head, null, $"审计密钥缺失：{NoKeyWhere(keys)}，无法校验锚点文件 {keys.AnchorFile}", AuditFault.KeyMissing);
            case AnchorStatus.OtherKey:
                return new(head, null, $"审计密钥不符：锚点文件以另一把密钥（编号 {anchor!.KeyId}）签名，当前密钥编号为 {key!.Id}；请检查 GridGov:AuditKey 或密钥文件 {keys.KeyFile}", AuditFault.KeyMismatch);
        }

        var intact = $"审计链完整：共 {head} 条记录，逐条校验通过{await KeyedNoteAsync(records, key, ct)}";
        if (status == AnchorStatus.Missing)
        {
            // A keyed chain always has an anchor (written at start); an empty chain beside a key file had records.
            if (walk.Last.KeyId is not null || (head == 0 && !keys.Configured && key is not null))
                return new(head, null, $"未找到锚点文件 {keys.AnchorFile}：" +
                    (head == 0 ? "审计链为空，但审计密钥文件已存在（曾写入审计记录）" : $"审计链自第 {walk.Last.KeyedFrom} 条起已启用审计密钥，却没有锚点") +
                    "，无法排除末尾记录被删除（截断）；请从备份恢复锚点文件，或查明原因后运行 gridgov reanchor-audit 重新建立锚点", AuditFault.AnchorMissing);
            return new(head, null, head == 0 ? intact : $"{intact}；未找到锚点文件 {keys.AnchorFile}，无法发现末尾记录被删除");
        }

        var at = ChinaTime.Format(anchor!.At);
        if (head < anchor.Seq)
            return new(head, head + 1, $"审计链末尾被截断：锚点（{at}）记录的最新一条是第 {anchor.Seq} 条，数据库只到第 {head} 条，第 {head + 1}–{anchor.Seq} 条被删除", AuditFault.Truncated);
        if (anchor.KeyedFrom > 0)
        {
            var start = await records.FirstOrDefaultAsync(a => a.Seq == anchor.KeyedFrom, ct);
            if (start is null || !AuditChain.IsKeyStart(start))
                return new(head, anchor.KeyedFrom, $"第 {anchor.KeyedFrom} 条审计记录被篡改：锚点记录此处启用了审计密钥，数据库中已不是该记录", AuditFault.Altered);
        }
        if (anchor.Seq > 0 && await records.Where(a => a.Seq == anchor.Seq).Select(a => a.Hash).FirstOrDefaultAsync(ct) != anchor.Hash)
            return new(head, anchor.Seq, $"第 {anchor.Seq} 条审计记录与锚点（{at}）不符：锚定之后，它或它之前的记录被删除后重写或被改写", AuditFault.AnchorMismatch);
        return new(head, null, $"{intact}；与锚点（第 {anchor.Seq} 条，{at}）一致");
    }

    static string Describe(AuditFault fault, AuditWalkResult walk, AuditKeys keys, AuditKey? key)
    {
        var r = walk.Record!;
        var chainKey = AuditChain.IsKeyStart(r) ? r.EntityKey : walk.Last.KeyId;
        return fault switch
        {
            AuditFault.Missing => $"第 {walk.FaultAt} 条审计记录缺失（其后是第 {r.Seq} 条）：记录被删除",
            AuditFault.Broken => $"第 {r.Seq} 条审计记录的前序哈希与第 {r.Seq - 1} 条不符：链已断开",
            AuditFault.KeyStartAltered => r.Seq == 1 ? "第 1 条审计记录（启用审计密钥）被篡改：内容与密钥签名不符；其后的记录以它为前序，同样不可信"
                : $"第 {r.Seq} 条审计记录（启用审计密钥）被篡改：它或它之前未加密钥的第 1–{r.Seq - 1} 条记录被改写",
            AuditFault.KeyMissing => $"审计密钥缺失：第 {r.Seq} 条起的记录以密钥（编号 {chainKey}）签名，但{NoKeyWhere(keys)}，无法校验；请从备份恢复密钥",
            AuditFault.KeyMismatch => $"审计密钥不符：第 {r.Seq} 条起的记录以密钥（编号 {chainKey}）签名，当前密钥编号为 {key!.Id}；请检查 GridGov:AuditKey 或密钥文件 {keys.KeyFile}（原密钥丢失则这些记录无法再校验）",
            _ => $"第 {r.Seq} 条审计记录被篡改：内容与{(chainKey is null ? "哈希" : "密钥签名")}不符（{r.At:yyyy-MM-dd HH:mm:ss} UTC，{r.ActorName}，{r.Action} {r.EntityType} {r.EntityKey}）；其后的记录以它为前序，同样不可信",
        };
    }

    // A key-start record with another key id where the anchor says this key is in use: an altered
    // record when the anchor covers it (named, then the walk goes on to the next fault with this
    // key), a forged one when it comes after the anchor (named with what follows it up to this key's
    // next key-start).
    static async Task<AuditVerification> ForeignKeyStartAsync(GridDbContext db, AuditWalkResult walk, AuditAnchor anchor, AuditKey key, CancellationToken ct)
    {
        var r = walk.Record!;
        var claim = $"它标为以另一把密钥（编号 {r.EntityKey}）启用，但锚点（以当前密钥签名，第 {anchor.Seq} 条）表明审计链" +
            (anchor.KeyedFrom > 0 ? $"自第 {anchor.KeyedFrom} 条起" : "") + $"以密钥（编号 {anchor.KeyId}）签名；这不是密钥配置问题";
        if (r.Seq <= anchor.Seq)
        {
            var next = await AuditWalk.RunAsync(db, key, new AuditLink(r.Seq, r.Hash, r.Seq, key.Id), ct);
            var more = next.Fault is AuditFault.Altered or AuditFault.KeyStartAltered && next.Record is { } n
                ? $"。此外第 {n.Seq} 条审计记录也被篡改（{n.At:yyyy-MM-dd HH:mm:ss} UTC，{n.ActorName}，{n.Action} {n.EntityType} {n.EntityKey}）"
                : next.Fault is { } f ? $"。此外第 {next.FaultAt} 条起校验不通过（{f}）" : "";
            return new(walk.Checked, r.Seq, $"第 {r.Seq} 条审计记录（启用审计密钥）被篡改：{claim}；其后的记录以它为前序，同样不可信{more}", AuditFault.Altered);
        }
        var end = await db.AuditRecords.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.Seq > r.Seq && a.Action == AuditChain.KeyStartAction && a.EntityType == AuditChain.KeyEntity && a.EntityKey == key.Id)
            .OrderBy(a => a.Seq).Select(a => (long?)a.Seq - 1).FirstOrDefaultAsync(ct)
            ?? await db.AuditRecords.IgnoreQueryFilters().MaxAsync(a => a.Seq, ct);
        var range = end > r.Seq ? $"第 {r.Seq}–{end} 条审计记录是伪造的" : $"第 {r.Seq} 条审计记录是伪造的";
        return new(walk.Checked, r.Seq, $"{range}：锚定之后插入了启用另一把密钥的记录，{claim}", AuditFault.Altered);
    }

    static string NoKeyWhere(AuditKeys keys) => keys.Configured ? "GridGov:AuditKey 未能读取" : $"既未配置 GridGov:AuditKey，也找不到密钥文件 {keys.KeyFile}";

    // Records from before the chain was keyed are checked with plain SM3 only; say so.
    static async Task<string> KeyedNoteAsync(IQueryable<AuditRecord> records, AuditKey? key, CancellationToken ct)
    {
        var first = await records.Where(a => a.Action == AuditChain.KeyStartAction && a.EntityType == AuditChain.KeyEntity)
            .OrderBy(a => a.Seq).Select(a => a.Seq).FirstOrDefaultAsync(ct);
        return first switch
        {
            0 => "（尚未启用审计密钥，仅按 SM3 校验）",
            1 => $"（HMAC-SM3，密钥编号 {key?.Id}）",
            _ => $"（第 1–{first - 1} 条为启用审计密钥前的记录，仅按 SM3 校验；其后按 HMAC-SM3，密钥编号 {key?.Id}）",
        };
    }
}
