using System.Globalization;
using GridGov.Components;
using GridGov.Features.Audit;
using GridGov.Features.Identity;
using GridGov.Features.Shell;
using GridGov.Features.Tickets;
using GridGov.Features.Organization;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Scalar.AspNetCore;

namespace GridGov.Infrastructure;

// Composition of the whole application; Program.cs only chooses between the web host and a command.
static class GridGovSetup
{
    public static void AddGridGov(this WebApplicationBuilder builder)
    {
        var zh = new CultureInfo("zh-CN");
        CultureInfo.DefaultThreadCurrentCulture = zh;
        CultureInfo.DefaultThreadCurrentUICulture = zh;
        AntDesign.LocaleProvider.SetLocale("zh-CN");

        // `dotnet run` outside Development serves package assets (AntDesign, blazor.web.js) from the
        // build's static web assets manifest; a published app has no manifest and this does nothing.
        builder.WebHost.UseStaticWebAssets();

        var services = builder.Services;
        var dataDir = Path.GetFullPath(builder.Configuration["GridGov:DataDir"] ?? "gridgov-data");
        Directory.CreateDirectory(dataDir);
        services.AddSingleton(new DataFolder(dataDir));
        services.AddSingleton(sp => GridDatabase.FromConfiguration(builder.Configuration, dataDir, sp.GetRequiredService<ILoggerFactory>()));
        services.AddScoped<GridDbFactory>();
        services.AddScoped(sp => sp.GetRequiredService<GridDbFactory>().Create());
        services.AddSingleton(TimeProvider.System);
        services.AddDataProtection()
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDir, "keys")))
            .SetApplicationName("GridGov");

        builder.AddGridSecurity();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
            ctx.ProblemDetails.Extensions.TryAdd("traceId", ctx.HttpContext.TraceIdentifier));
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddOpenApi();
        services.AddAntDesign();
        services.AddRazorComponents().AddInteractiveServerComponents();

        services.AddOrganization();
        services.AddScoped<FirstStart>();
        services.AddAudit();
        services.AddIdentityArea();
        services.AddTickets();
    }

    public static void UseGridGov(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("GridGov API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));

        var api = app.MapGroup("/api/v1").RequireAuthorization().AddEndpointFilter<BearerSessionFilter>();
        api.MapIdentityArea(app);
        api.MapOrganization();
        api.MapAudit();
        api.MapTicketEndpoints();

        app.MapHub<TicketHub>(TicketHub.Path);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}

public sealed record DataFolder(string Path);
