using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Analytics.Sources;

// 关联分析: /api/v1/analytics/sources, read from the category tallies.
public static class SourcesSlice
{
    public static IServiceCollection AddSources(this IServiceCollection services) =>
        services.AddScoped<GetSourceComparison>().AddScoped<ExportSourceComparison>();

    public static void MapSources(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/analytics/sources").WithTags("关联分析").RequireAuthorization(Permissions.AnalyticsView);
        g.MapGet("", async ([AsParameters] SourceQuery q, GetSourceComparison u, CancellationToken ct) => (await u.HandleAsync(q, ct)).ToHttp())
            .WithName("GetSourceComparison").WithSummary("关联分析：同一单位、期间内各来源（热线、群众上报、网格巡查、数字城管）的工单数，按类别和下级单位，巡查发现率与重复投诉率");
        g.MapGet("/export", async ([AsParameters] SourceQuery q, string? table, ExportSourceComparison u, CancellationToken ct) => await u.HandleAsync(q, table, ct))
            .WithName("ExportSourceComparison").WithSummary("导出关联分析表（Excel）：table=categories 按类别，table=areas 按下级单位")
            .Produces(200, contentType: Infrastructure.Export.XlsxExport.ContentType).ProducesValidationProblem();
    }
}
