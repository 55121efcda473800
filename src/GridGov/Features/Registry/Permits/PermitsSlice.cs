using GridGov.Infrastructure.Import;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Registry.Permits;

// The permits part of the registry: its use cases and its endpoints under /api/v1/registry.
static class PermitsSlice
{
    public static IServiceCollection AddPermits(this IServiceCollection services)
    {
        services.AddScoped<ListPermits>();
        services.AddScoped<IssuePermit>();
        services.AddScoped<ExportPermits>();
        services.AddSingleton<IImportTarget, PermitsImport>();
        return services;
    }

    public static void MapPermits(this RouteGroupBuilder registry)
    {
        var g = registry.MapGroup("/permits");
        g.MapGet("", async ([AsParameters] PermitQuery q, ListPermits u, CancellationToken ct) => (await u.HandleAsync(q, ct)).ToHttp())
            .WithName("ListPermits").WithSummary("居住证列表（按有效期至排序；可按单位、状态、持证人姓名筛选；号码脱敏）");
        g.MapGet("/counts", async (long? unit, ListPermits u, CancellationToken ct) => (await u.CountAsync(unit, ct)).ToHttp())
            .WithName("CountPermits").WithSummary("本辖区居住证到期提醒：有效、30 天内到期、已过期未续签的张数");
        g.MapGet("/export", async ([AsParameters] PermitQuery q, ExportPermits u, CancellationToken ct) => await u.HandleAsync(q, ct))
            .WithName("ExportPermits").WithSummary("按当前条件导出居住证（全部页，Excel；号码脱敏）");
        g.MapGet("/{id:long}", async (long id, ListPermits u, CancellationToken ct) => (await u.GetAsync(id, ct)).ToHttp())
            .WithName("GetPermit").WithSummary("居住证详情（号码脱敏）");
        g.MapPost("", async (PermitRequest r, IssuePermit u, CancellationToken ct) => (await u.CreateAsync(r, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryEdit).WithName("CreatePermit").WithSummary("为本辖区人员登记居住证（此人已持有有效居住证时返回 400，请改用续签）");
        g.MapPost("/{id:long}/renewal", async (long id, RenewPermitRequest r, IssuePermit u, CancellationToken ct) => (await u.RenewAsync(id, r, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryEdit).WithName("RenewPermit").WithSummary("续签居住证：签发新证，替换当前的证");
        g.MapPost("/{id:long}/cancellation", async (long id, CancelPermitRequest r, IssuePermit u, CancellationToken ct) => (await u.CancelAsync(id, r, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryEdit).WithName("CancelPermit").WithSummary("注销居住证（可写明注销原因，记入审计日志）");
    }
}
