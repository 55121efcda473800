using GridGov.Components;
using GridGov.Features.Analytics;
using GridGov.Features.Audit;
using GridGov.Features.Identity;
using GridGov.Features.Organization;
using GridGov.Features.Panorama;
using GridGov.Features.Registry;
using GridGov.Features.Terminal;
using GridGov.Features.Tickets;
using GridGov.Features.Workbench;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Security;
using Scalar.AspNetCore;

namespace GridGov.Host;

// The composition of the whole application: the plumbing, then each area's services, routes,
// command-line commands and first-start seeding. The only place that knows every area.
static class GridGovHost
{
    public static void AddGridGov(this WebApplicationBuilder builder)
    {
        builder.AddInfrastructure();
        var services = builder.Services;
        services.AddOrganization();
        services.AddIdentityArea();
        services.AddAudit();
        services.AddTickets();
        services.AddRegistry();
        services.AddTerminal();
        services.AddAnalytics();
        services.AddPanorama();
        services.AddWorkbench();
        services.AddScoped<FirstStart>();
        services.AddHostedService<WarmUp>();
    }

    // Before serving: migrations and first-start seeding, then the dictionaries read from memory.
    public static async Task PrepareAsync(this WebApplication app)
    {
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<FirstStart>().RunAsync();
        await app.Services.LoadTicketCachesAsync();
    }

    public static void UseGridGov(this WebApplication app)
    {
        app.UseInfrastructure();
        // The API's description is for the administrators who connect other systems (they manage
        // accounts), not for every signed-in user; the menu links it for them only.
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(Permissions.UsersManage);
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("GridGov API").WithOpenApiRoutePattern("/openapi/{documentName}.json").DisableDefaultFonts())
            .RequireAuthorization(Permissions.UsersManage);
        // Browsers ask for /favicon.ico by themselves, whatever the page links: they get the SVG mark.
        app.MapGet("/favicon.ico", () => TypedResults.LocalRedirect("/favicon.svg", permanent: true))
            .AllowAnonymous().ExcludeFromDescription();

        var api = app.MapGroup("/api/v1").RequireAuthorization();
        api.MapOrganization();
        api.MapIdentityArea(app);
        api.MapAudit();
        api.MapTickets(app);
        api.MapRegistry(app);
        api.MapTerminal(app);
        api.MapAnalytics(app);
        api.MapPanorama();
        api.MapWorkbench();

        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
