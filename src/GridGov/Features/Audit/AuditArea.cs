using GridGov.Infrastructure.Cli;

namespace GridGov.Features.Audit;

// The audit log's pages and verification: its use cases and routes (capturing changes is the
// database's part).
public static class AuditArea
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddScoped<VerifyAudit>();
        services.AddCommand(VerifyAuditCommand.Command);
        services.AddCommand(VerifyAuditCommand.Reanchor);
        services.AddScoped<ListAuditRecords>();
        services.AddScoped<GetAuditRecord>();
        services.AddScoped<ExportAuditRecords>();
        services.AddScoped<VerifyAuditChain>();
        return services;
    }

    public static void MapAudit(this RouteGroupBuilder api) => api.MapAuditEndpoints();
}
