using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Audit;

public sealed record AuditQuery(string? Actor = null, string? EntityType = null, string? Action = null,
    DateTime? From = null, DateTime? To = null, int Page = 1, int PageSize = 20);

public sealed record AuditPage(List<AuditRecord> Items, int Total, int Page, int PageSize);

// GET /api/v1/audit?actor=&entityType=&action=&from=&to=&page=&pageSize=   records in the caller's scope
// GET /api/v1/audit/{seq}
// GET /api/v1/audit/verify      checks the whole chain (needs the all-data scope)
static class AuditEndpoints
{
    public static void MapAuditEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/audit").WithTags("审计").RequireAuthorization(Permissions.AuditView);
        g.MapGet("/", async ([AsParameters] AuditQuery q, GridDbContext db, CancellationToken ct) => TypedResults.Ok(await ListAsync(db, q, ct)));
        g.MapGet("/{seq:long}", async Task<Results<Ok<AuditRecord>, NotFound>> (long seq, GridDbContext db, CancellationToken ct) =>
            await db.AuditRecords.AsNoTracking().FirstOrDefaultAsync(a => a.Seq == seq, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound());
        g.MapGet("/verify", async Task<Results<Ok<AuditVerification>, ForbidHttpResult>> (CurrentUser user, VerifyAudit verify, CancellationToken ct) =>
            user.Scope.IsAll ? TypedResults.Ok(await verify.RunAsync(ct)) : TypedResults.Forbid());
    }

    public static async Task<AuditPage> ListAsync(GridDbContext db, AuditQuery q, CancellationToken ct = default)
    {
        var records = db.AuditRecords.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Actor)) records = records.Where(a => a.ActorName.Contains(q.Actor.Trim()));
        if (!string.IsNullOrWhiteSpace(q.EntityType)) records = records.Where(a => a.EntityType == q.EntityType);
        if (!string.IsNullOrWhiteSpace(q.Action)) records = records.Where(a => a.Action == q.Action);
        // from/to are China time (the API and the date picker speak it), stored times are UTC.
        if (q.From is { } from) { var f = ChinaTime.ToUtc(from); records = records.Where(a => a.At >= f); }
        if (q.To is { } to) { var t = ChinaTime.ToUtc(to); records = records.Where(a => a.At < t); }
        var size = Math.Clamp(q.PageSize, 1, 200);
        var page = Math.Clamp(q.Page, 1, int.MaxValue / size);
        var total = await records.CountAsync(ct);
        var items = await records.OrderByDescending(a => a.Seq).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new AuditPage(items, total, page, size);
    }
}
