using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Audit;

public sealed record AuditQuery(string? Actor = null, string? EntityType = null, string? Action = null,
    DateTime? From = null, DateTime? To = null, int Page = 1, int PageSize = 20);

public sealed record AuditPage(List<AuditRecord> Items, int Total, int Page, int PageSize);

// Audit records in the caller's scope, newest first.
public sealed class ListAuditRecords(GridDbContext db)
{
    public async Task<Result<AuditPage>> HandleAsync(AuditQuery q, CancellationToken ct = default)
    {
        var records = db.AuditRecords.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Actor)) records = records.Where(a => a.ActorName.Contains(q.Actor.Trim()));
        if (!string.IsNullOrWhiteSpace(q.EntityType)) records = records.Where(a => a.EntityType == q.EntityType);
        if (!string.IsNullOrWhiteSpace(q.Action)) records = records.Where(a => a.Action == q.Action);
        // from/to are China time (the API and the date picker speak it), stored times are UTC.
        if (q.From is { } from) { var f = ChinaTime.ToUtc(from); records = records.Where(a => a.At >= f); }
        if (q.To is { } to) { var t = ChinaTime.ToUtc(to); records = records.Where(a => a.At < t); }
        var (page, size, bad) = Paging.Of(q.Page, q.PageSize, 20, 200);
        if (bad is not null) return Result<AuditPage>.Invalid(bad);
        var total = await records.CountAsync(ct);
        var items = await records.OrderByDescending(a => a.Seq).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return Result<AuditPage>.Ok(new(items, total, page, size));
    }
}
