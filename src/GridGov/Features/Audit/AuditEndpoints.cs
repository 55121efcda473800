using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Audit;

// GET /api/v1/audit?actor=&entityType=&obj=&action=&from=&to=&page=&pageSize=   records in the caller's scope
// GET /api/v1/audit/export?…    the same filter, all pages, as an XLSX file
// GET /api/v1/audit/{seq}        one record, field by field
// GET /api/v1/audit/verify      checks the whole chain (needs the all-data scope)
static class AuditEndpoints
{
    public static void MapAuditEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/audit").WithTags("审计").RequireAuthorization(Permissions.AuditView);
        g.MapGet("/", async ([AsParameters] AuditQuery q, ListAuditRecords list, CancellationToken ct) => (await list.HandleAsync(q, ct)).ToHttp())
            .WithName("ListAuditRecords").WithSummary("查询数据范围内的审计记录");
        g.MapGet("/export", async ([AsParameters] AuditQuery q, ExportAuditRecords export, CancellationToken ct) => await export.HandleAsync(q, ct))
            .WithName("ExportAuditRecords").WithSummary("按查询条件导出审计记录（Excel）");
        g.MapGet("/{seq:long}", async (long seq, GetAuditRecord get, CancellationToken ct) => (await get.HandleAsync(seq, ct)).ToHttp())
            .WithName("GetAuditRecord").WithSummary("查看一条审计记录");
        g.MapGet("/verify", async (VerifyAuditChain verify, CancellationToken ct) => (await verify.HandleAsync(ct)).ToHttp())
            .WithName("VerifyAuditChain").WithSummary("校验整条审计链是否完整");
    }
}
