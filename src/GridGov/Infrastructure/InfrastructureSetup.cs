using System.Globalization;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.Web;
using Microsoft.AspNetCore.DataProtection;

namespace GridGov.Infrastructure;

// The plumbing every area stands on: culture, the data folder, the database, data protection,
// security schemes, ProblemDetails, JSON, OpenAPI. The host (Host/GridGovHost.cs) adds the areas.
public static class InfrastructureSetup
{
    public static void AddInfrastructure(this WebApplicationBuilder builder)
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
        services.AddScoped<Web.ClientSubmission>();
        services.AddScoped<Files.OwnPhotos>();
        services.AddScoped<Export.XlsxExport>();
        services.AddSingleton<Printing.SheetFont>();
        services.AddSingleton<Import.ImportFiles>();
        services.AddSingleton<Import.ImportJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<Import.ImportJobs>());
        services.AddScoped<Import.ImportRunner>();
        services.AddScoped<Import.ImportStaging>();
        services.AddScoped(sp => sp.GetRequiredService<GridDbFactory>().Create());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<AuditAnchoring>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditAnchoring>());
        var keysDir = Path.Combine(dataDir, "keys");
        services.AddDataProtection()
            .PersistKeysToFileSystem(new DirectoryInfo(keysDir))
            .SetApplicationName("GridGov");
        var (personalData, personalKeyFile) = Crypto.PersonalDataKey.Load(builder.Configuration, dataDir);
        services.AddSingleton(personalData);
        builder.AddStartupMessages(keysDir, personalKeyFile);

        builder.AddGridSecurity();
        services.AddCookieAntiforgery();
        services.AddChineseProblems();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.AddStrictJson());
        services.AddOpenApi(o => o.AddStrictJsonSchemas());
        services.AddAntDesign();
        services.AddRazorComponents().AddInteractiveServerComponents();
    }

    // The request pipeline up to the endpoints.
    public static void UseInfrastructure(this WebApplication app)
    {
        app.UseTrustedProxies();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseChineseStatusPages();
        app.UseJsonBodyLimit();
        app.UseSameOriginSockets();
        app.UseAuthentication();
        // After authentication: the photo limit counts per user.
        app.UseRateLimiter();
        app.UseSessionRule();
        app.UseCookieAntiforgery();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseClientRequests();
        app.MapStaticAssets();
    }
}

public sealed record DataFolder(string Path);
