using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Analytics.Trends;

// 趋势分析: /api/v1/analytics/trends, read from the tallies.
public static class TrendsSlice
{
    public static IServiceCollection AddTrends(this IServiceCollection services)
    {
        services.AddScoped<AnalysisUnits>();
        services.AddScoped<TrendCounts>();
        services.AddScoped<GetTrend>();
        services.AddScoped<GetBeforeAfter>();
        services.AddScoped<ExportTrend>();
        return services;
    }

    public static void MapTrends(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/analytics/trends").WithTags("趋势分析").RequireAuthorization(Permissions.AnalyticsView);
        g.MapGet("", async ([AsParameters] TrendQuery q, GetTrend u, CancellationToken ct) => (await u.HandleAsync(q, ct)).ToHttp())
            .WithName("GetTrend").WithSummary("趋势：单位在期间内按日、周或月的工单数，可按来源、状态、类别或下级单位分组，含每期环比、同比，全期环比、同比，以及上升最多的类别和下级单位");
        g.MapGet("/export", async ([AsParameters] TrendQuery q, ExportTrend u, CancellationToken ct) => await u.HandleAsync(q, ct))
            .WithName("ExportTrend").WithSummary("导出趋势表（Excel）")
            .Produces(200, contentType: Infrastructure.Export.XlsxExport.ContentType).ProducesValidationProblem();
        g.MapGet("/before-after", async ([AsParameters] BeforeAfterQuery q, GetBeforeAfter u, CancellationToken ct) => (await u.HandleAsync(q, ct)).ToHttp())
            .WithName("GetBeforeAfter").WithSummary("前后对比：所选日期前后各 N 天的工单数，按类别和下级单位");
    }
}
