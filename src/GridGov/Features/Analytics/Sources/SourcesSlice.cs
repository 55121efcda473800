using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Analytics.Sources;

// 关联分析: /api/v1/analytics/sources, read from the category tallies.
public static class SourcesSlice
{
    public static IServiceCollection AddSources(this IServiceCollection services) => services.AddScoped<GetSourceComparison>();

    public static void MapSources(this RouteGroupBuilder api) =>
        api.MapGroup("/analytics/sources").WithTags("关联分析").RequireAuthorization(Permissions.AnalyticsView)
            .MapGet("", async ([AsParameters] SourceQuery q, GetSourceComparison u, CancellationToken ct) => (await u.HandleAsync(q, ct)).ToHttp())
            .WithName("GetSourceComparison").WithSummary("关联分析：同一单位、期间内各来源（热线、群众上报、网格巡查、数字城管）的工单数，按类别和下级单位，巡查发现率与重复投诉率");
}
