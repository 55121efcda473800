using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Panorama;

// 全景态势: the caller's area on a map with drill-down, its figures from the rollups, live.
public static class PanoramaArea
{
    public static IServiceCollection AddPanorama(this IServiceCollection services)
    {
        services.AddScoped<GetPanorama>();
        services.AddScoped<GetPanoramaPoints>();
        services.AddScoped<GetPanoramaTracks>();
        services.AddScoped<ExportPanorama>();
        return services;
    }

    public static void MapPanorama(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/panorama").WithTags("全景态势").RequireAuthorization(Permissions.AnalyticsView);
        g.MapGet("/", async (long? unit, PanoramaPeriod? period, GetPanorama u, CancellationToken ct) => (await u.HandleAsync(unit, period ?? PanoramaPeriod.Year, ct)).ToHttp())
            .WithName("GetPanorama").WithSummary("全景态势：一个区域（默认本人辖区）在今日、本周、本月或本年的人口、房屋、单位、重点人群、部件、事件与部门办理情况，以及各下级单位的事件数");
        g.MapGet("/points", async (long unit, bool? components, GetPanoramaPoints u, CancellationToken ct) => (await u.HandleAsync(unit, components ?? false, ct)).ToHttp())
            .WithName("GetPanoramaPoints").WithSummary("全景态势地图的点位：区域内未办结事件（按状态着色）与部件，各最多 2000 个");
        g.MapGet("/tracks", async (long unit, PanoramaPeriod? period, GetPanoramaTracks u, CancellationToken ct) => (await u.HandleAsync(unit, period ?? PanoramaPeriod.Year, ct)).ToHttp())
            .WithName("GetPanoramaTracks").WithSummary("全景态势地图的巡查轨迹：区域内今日、本周、本月或本年开始的巡查，最新的最多 200 条，每条含网格员、起止时间与里程");
        g.MapGet("/export", (long? unit, PanoramaPeriod? period, string? table, ExportPanorama u, CancellationToken ct) => u.HandleAsync(unit, period ?? PanoramaPeriod.Year, table ?? "children", ct))
            .WithName("ExportPanorama").WithSummary("导出全景态势的下级单位表（table=children）或部门办理表（table=departments）为 Excel");
    }
}
