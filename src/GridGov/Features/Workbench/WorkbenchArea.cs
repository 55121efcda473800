using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Workbench;

// 工作台: every account's home page, its own work from the areas that hold it (ADR 0018).
public static class WorkbenchArea
{
    public static IServiceCollection AddWorkbench(this IServiceCollection services)
    {
        services.AddScoped<GetMyWork>();
        services.AddScoped<GetAreaFigures>();
        return services;
    }

    public static void MapWorkbench(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/workbench").WithTags("工作台");
        g.MapGet("/", async (GetMyWork u, CancellationToken ct) => (await u.HandleAsync(ct)).ToHttp())
            .WithName("GetMyWork").WithSummary("本人的待办：所办各队列的工单数与超期数、时限最近的工单、督办工单、未读通知");
        g.MapGet("/area", async (GetAreaFigures u, CancellationToken ct) => (await u.HandleAsync(ct)).ToHttp())
            .RequireAuthorization(Permissions.AnalyticsView)
            .WithName("GetWorkbenchArea").WithSummary("本辖区今日态势（新增、办结、超期、实有人口）与最新未处置预警");
    }
}
