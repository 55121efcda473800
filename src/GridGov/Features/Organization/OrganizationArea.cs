using GridGov.Features.Organization.Import;
using GridGov.Infrastructure.Cli;

namespace GridGov.Features.Organization;

// The org tree: its query use cases (one class each, shared by the API and the pages), the city
// import, and the routes.
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
        return services;
    }

    public static void MapOrganization(this RouteGroupBuilder api) => api.MapOrgEndpoints();
}
