using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Export;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Audit;

// "导出 Excel" of the audit log: every record of the list's filter (all pages, in the caller's scope),
// as the list reads them — Chinese names, China time, no hidden field. Read in slices of a thousand
// records (the object names of a slice in one query each), so memory stays flat.
public sealed class ExportAuditRecords(ListAuditRecords list, XlsxExport export, GridDbContext db)
{
    const int Slice = 1000;

    public async Task<IResult> HandleAsync(AuditQuery q, CancellationToken ct = default)
    {
        if (ListAuditRecords.Check(q) is { } bad) return ResultHttp.Invalid(new Dictionary<string, string[]> { [bad.Field] = [bad.Message] });
        var records = await list.FilterAsync(q, ct);
        XlsxColumn<AuditRow>[] columns =
        [
            new("序号", r => r.Seq, 8),
            new("时间", r => r.AtText, 20),
            new("操作人", r => r.ActorName, 14),
            new("来源 IP", r => r.Ip, 16),
            new("操作", r => r.ActionName, 10),
            new("对象", r => r.ObjectName, 30),
            new("变更内容", r => r.Summary, 80),
        ];
        return await export.FileAsync(Rows(records, ct), columns, nameof(AuditRecord), "审计日志", Describe(q), ct);
    }

    IEnumerable<AuditRow> Rows(IQueryable<AuditRecord> records, CancellationToken ct)
    {
        long? before = null;
        while (true)
        {
            var slice = records.Where(a => before == null || a.Seq < before).OrderByDescending(a => a.Seq).Take(Slice).ToList();
            if (slice.Count == 0) yield break;
            foreach (var row in AuditRows.ReadAsync(db, slice, ct).GetAwaiter().GetResult()) yield return row;
            if (slice.Count < Slice) yield break;
            before = slice[^1].Seq;
        }
    }

    static string Describe(AuditQuery q) => string.Join("；", new (string, object?)[]
    {
        ("操作人", q.Actor), ("对象类型", q.EntityType is { } t ? AuditNaming.EntityName(t) : null), ("对象", q.Obj),
        ("操作", q.Action is { } a ? AuditNaming.ActionName(a) : null), ("起始日期", q.From), ("截止日期", q.To),
    }.Where(p => p.Item2 is not null && p.Item2.ToString() != "").Select(p => $"{p.Item1}：{p.Item2}"));
}
