using GridGov.Features.Organization.BaseMap;
using GridGov.Features.Organization.Import;
using GridGov.Infrastructure.Cli;
using GridGov.Infrastructure.Web;

namespace GridGov.Features.Organization;

// The org tree: its query use cases (one class each, shared by the API and the pages), the city
// import, the city's base map, and the routes.
public static class OrganizationArea
{
    public static IServiceCollection AddOrganization(this IServiceCollection services)
    {
        services.AddSingleton<Places>();
        services.AddScoped<ImportCity>();
        services.AddCommand(ImportCityCommand.Command);
        services.AddScoped<SeedDemoCity>();
        services.AddScoped<ListOrgRoots>();
        services.AddScoped<GetOrgUnit>();
        services.AddScoped<ListOrgChildren>();
        services.AddScoped<GetOrgPath>();
        services.AddScoped<GetOrgCounts>();
        services.AddScoped<GetChildStats>();
        services.AddScoped<GetGridCard>();
        services.AddScoped<GetChildrenGeoJson>();
        services.AddScoped<ListDepartments>();
        services.AddScoped<GetUnitLabels>();
        services.AddSingleton<BaseMapCache>();
        services.AddSingleton<IImageSources>(sp => sp.GetRequiredService<BaseMapCache>());
        services.AddScoped<GetBaseMap>();
        services.AddScoped<SaveBaseMap>();
        return services;
    }

    public static void MapOrganization(this RouteGroupBuilder api)
    {
        api.MapOrgEndpoints();
        api.MapBaseMapEndpoints();
    }
}
