using GridGov.Features.Terminal.Campaigns;
using GridGov.Features.Terminal.Checks;
using GridGov.Features.Terminal.Home;
using GridGov.Features.Terminal.Patrols;
using GridGov.Features.Terminal.Verify;
using GridGov.Features.Terminal.Visits;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Terminal;

// 网格工作终端: the grid worker's pages for a phone (/m …) and the API they and a native app call.
public static class TerminalArea
{
    public static IServiceCollection AddTerminal(this IServiceCollection services)
    {
        services.AddScoped<GetWorkList>();
        services.AddScoped<ListTeam>();
        services.AddScoped<Report.GetReportForm>();
        services.AddScoped<Report.ListMyReports>();
        services.AddScoped<ListChecks>();
        services.AddScoped<Addresses.GetDoorstep>();
        services.AddScoped<ListVerifyAddresses>();
        services.AddScoped<CheckWork>();
        services.AddScoped<IWorkCounter>(sp => sp.GetRequiredService<CheckWork>());
        services.AddScoped<IWorkCounter, VerifyWork>();
        services.AddPatrols();
        services.AddScoped<IWorkCounter, PatrolWork>();
        services.AddScoped<VisitWork>();
        services.AddScoped<IWorkCounter>(sp => sp.GetRequiredService<VisitWork>());
        services.AddSingleton<OverdueVisitNotices>();
        services.AddHostedService(sp => sp.GetRequiredService<OverdueVisitNotices>());
        services.AddCampaigns();
        return services;
    }

    public static void MapTerminal(this RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        var g = api.MapGroup("/terminal").WithTags("网格工作终端");
        g.MapGet("/worklist", async (long? worker, GetWorkList u, CancellationToken ct) => (await u.HandleAsync(worker, ct)).ToHttp())
            .WithName("GetWorkList").WithSummary("网格工作清单：今日待办、已逾期、今日已办（本人，或辖区内网格员的清单）");
        g.MapGet("/team", async (long? unit, ListTeam u, CancellationToken ct) => (await u.HandleAsync(unit, ct)).ToHttp())
            .WithName("ListTeam").WithSummary("辖区内的网格员及其工作清单汇总（按区域逐级查看）");
        g.MapPatrols();
        g.MapCampaigns();

        // The service worker must be served from /m to look after the pages under /m.
        app.MapGet("/m/sw.js", (IWebHostEnvironment env, HttpResponse response) =>
        {
            response.Headers["Service-Worker-Allowed"] = "/m";
            response.Headers.CacheControl = "no-cache";
            return TypedResults.PhysicalFile(env.WebRootFileProvider.GetFileInfo("js/m-sw.js").PhysicalPath!, "text/javascript; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
    }
}
