using GridGov.Features.Terminal.Home;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Terminal.Patrols;

// 网格巡查: its use cases and its endpoints under /api/v1/terminal/patrols.
public static class PatrolSlice
{
    public static IServiceCollection AddPatrols(this IServiceCollection services)
    {
        services.AddScoped<PatrolReads>();
        services.AddScoped<StartPatrol>();
        services.AddScoped<AddPatrolPoints>();
        services.AddScoped<EndPatrol>();
        services.AddScoped<GetPatrol>();
        services.AddScoped<GetMyPatrols>();
        services.AddScoped<ListPatrols>();
        services.AddScoped<ExportPatrols>();
        services.AddScoped<GetPatrolTracks>();
        services.AddScoped<GetPatrolCoverage>();
        return services;
    }

    public static void MapPatrols(this RouteGroupBuilder terminal)
    {
        var g = terminal.MapGroup("/patrols");
        g.MapPost("", async (StartPatrolRequest r, StartPatrol u, CancellationToken ct) => (await u.HandleAsync(r, ct)).ToHttp())
            .WithName("StartPatrol").WithSummary("开始巡查（网格员本人的网格；其他人员指定辖区内的网格）；已有进行中的巡查时拒绝并给出其编号");
        g.MapGet("/current", async (GetMyPatrols u, CancellationToken ct) => (await u.HandleAsync(ct)).ToHttp())
            .WithName("GetMyPatrols").WithSummary("本人进行中的巡查与今日巡查");
        g.MapGet("", async ([AsParameters] PatrolQuery q, ListPatrols u, CancellationToken ct) => (await u.HandleAsync(q, ct)).ToHttp())
            .WithName("ListPatrols").WithSummary("巡查记录列表（按单位、日期、网格员筛选；默认今天；负责人看辖区，网格员看本人）");
        g.MapGet("/export", async ([AsParameters] PatrolQuery q, ExportPatrols u, CancellationToken ct) => await u.HandleAsync(q, ct))
            .WithName("ExportPatrols").WithSummary("按当前条件导出巡查记录（全部页，Excel）");
        g.MapGet("/tracks", async ([AsParameters] PatrolQuery q, GetPatrolTracks u, CancellationToken ct) => (await u.HandleAsync(q, ct)).ToHttp())
            .WithName("GetPatrolTracks").WithSummary("巡查轨迹（按单位、日期、网格员筛选，供地图显示）");
        g.MapGet("/coverage", async ([AsParameters] PatrolQuery q, GetPatrolCoverage u, CancellationToken ct) => (await u.HandleAsync(q, ct)).ToHttp())
            .WithName("GetPatrolCoverage").WithSummary("各网格巡查覆盖情况：巡查次数、里程、最近巡查、50 米网格单元的走访比例");
        g.MapGet("/{id:long}", async (long id, GetPatrol u, CancellationToken ct) => (await u.HandleAsync(id, ct)).ToHttp())
            .WithName("GetPatrol").WithSummary("巡查详情：轨迹、时长、里程、扫码地址");
        g.MapPost("/{id:long}/points", async (long id, AddPatrolPointsRequest r, AddPatrolPoints u, CancellationToken ct) => (await u.HandleAsync(id, r, ct)).ToHttp())
            .WithName("AddPatrolPoints").WithSummary("上传巡查轨迹点（批量；离线记录的点联网后补传；舍弃无效和精度差于 200 米的点）");
        g.MapPost("/{id:long}/end", async (long id, EndPatrolRequest r, EndPatrol u, CancellationToken ct) => (await u.HandleAsync(id, r, ct)).ToHttp())
            .WithName("EndPatrol").WithSummary("结束巡查");
    }
}
