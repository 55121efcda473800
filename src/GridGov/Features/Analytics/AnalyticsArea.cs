using GridGov.Features.Analytics.Keywords;
using GridGov.Features.Analytics.Rollups;
using GridGov.Features.Analytics.Sources;
using GridGov.Features.Analytics.Trends;
using GridGov.Features.Analytics.Warnings;
using GridGov.Infrastructure.Cli;

namespace GridGov.Features.Analytics;

// 统计分析: the rollups every figure comes from, trends, hot keywords, correlation and early warning.
public static class AnalyticsArea
{
    public static IServiceCollection AddAnalytics(this IServiceCollection services)
    {
        services.AddSingleton<RebuildTallies>();
        services.AddSingleton<FillNewTallies>();
        services.AddSingleton<PruneDeadlineTallies>();
        services.AddHostedService(sp => sp.GetRequiredService<PruneDeadlineTallies>());
        services.AddCommand(RebuildTalliesCommand.Command);
        services.AddWarnings();
        services.AddKeywords();
        services.AddTrends();
        services.AddSources();
        return services;
    }

    public static void MapAnalytics(this RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        api.MapWarnings(app);
        api.MapKeywords();
        api.MapTrends();
        api.MapSources();
    }
}
