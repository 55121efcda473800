using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Audit;

// actor: who (part of the name); entityType + obj: which object (its kind, and part of its key or
// readable name); action: the kind of event; from/to: China dates, both whole days included.
public sealed record AuditQuery(string? Actor = null, string? EntityType = null, string? Obj = null, string? Action = null,
    DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = 20);

// One record as a person reads it; before/after keep the stored JSON without hidden fields.
public sealed record AuditRow(long Seq, DateTime At, string AtText, long? ActorId, string ActorName, string? Ip,
    string Action, string ActionName, string EntityType, string EntityName, string EntityKey, string ObjectName,
    long GridCode, string Summary, string? Before, string? After);

public sealed record AuditPage(List<AuditRow> Items, int Total, int Page, int PageSize);

// Audit records in the caller's scope, newest first.
public sealed class ListAuditRecords(GridDbContext db)
{
    public async Task<Result<AuditPage>> HandleAsync(AuditQuery q, CancellationToken ct = default)
    {
        var (page, size, bad) = Paging.Of(q.Page, q.PageSize, 20, 200);
        if (bad is not null) return Result<AuditPage>.Invalid(bad);
        if (Check(q) is { } invalid) return Result<AuditPage>.Invalid(invalid.Field, invalid.Message);
        var records = await FilterAsync(q, ct);
        var total = await records.CountAsync(ct);
        var items = await records.OrderByDescending(a => a.Seq).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return Result<AuditPage>.Ok(new(await AuditRows.ReadAsync(db, items, ct), total, page, size));
    }

    public static (string Field, string Message)? Check(AuditQuery q) =>
        q.From > q.To ? ("from", "开始日期不能晚于结束日期")
        : q.Action is { Length: > 0 } a && !AuditNaming.ActionNames.ContainsKey(a) ? ("action", "没有这种操作类型")
        : null;

    public async Task<IQueryable<AuditRecord>> FilterAsync(AuditQuery q, CancellationToken ct)
    {
        var records = db.AuditRecords.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Actor)) records = records.Where(a => a.ActorName.Contains(q.Actor.Trim()));
        if (!string.IsNullOrWhiteSpace(q.EntityType)) records = records.Where(a => a.EntityType == q.EntityType);
        if (!string.IsNullOrWhiteSpace(q.Obj))
        {
            var text = q.Obj.Trim();
            // The key itself, or the keys whose readable name holds the text (as the area finds them).
            var keys = new List<string>();
            foreach (var e in AuditNaming.All.Where(e => e.Search is not null && (string.IsNullOrWhiteSpace(q.EntityType) || e.Type == q.EntityType)))
            {
                var found = await e.Search!(db, text, ct);
                keys.AddRange(found.Select(k => e.Type + "\u001f" + k));
            }
            var byName = keys.Take(1000).ToList();
            records = records.Where(a => a.EntityKey == text || byName.Contains(a.EntityType + "\u001f" + a.EntityKey));
        }
        if (!string.IsNullOrWhiteSpace(q.Action)) records = records.Where(a => a.Action == q.Action);
        // China dates, whole days; stored times are UTC.
        if (q.From is { } from) { var f = ChinaTime.ToUtc(from.ToDateTime(TimeOnly.MinValue)); records = records.Where(a => a.At >= f); }
        if (q.To is { } to) { var t = ChinaTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)); records = records.Where(a => a.At < t); }
        return records;
    }
}
