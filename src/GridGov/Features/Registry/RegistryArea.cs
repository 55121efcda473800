using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.Codes;
using GridGov.Features.Registry.Components;
using GridGov.Features.Registry.Dogs;
using GridGov.Features.Registry.Focus;
using GridGov.Features.Registry.Imports;
using GridGov.Features.Registry.Party;
using GridGov.Features.Registry.People;
using GridGov.Features.Registry.Permits;
using GridGov.Features.Registry.Units;
using GridGov.Infrastructure.Import;

namespace GridGov.Features.Registry;

// 基础信息: standard addresses, houses, people and their classes, imported through the shared pipeline.
public static class RegistryArea
{
    public static IServiceCollection AddRegistry(this IServiceCollection services)
    {
        services.AddSingleton<CodeBook>();
        services.AddSingleton<ClassFields>();
        services.AddSingleton<AddressMatcher>();
        services.AddSingleton<IImportTarget, PeopleImport>();
        services.AddSingleton<IImportTarget, AddressImport>();
        services.AddSingleton<IImportTarget, PersonClassImport>();
        services.AddSingleton<IImportTarget, Houses.HouseImport>();
        services.AddScoped<ListPeople>();
        services.AddScoped<GetPerson>();
        services.AddScoped<ExportPeople>();
        services.AddScoped<RevealPerson>();
        services.AddScoped<SavePerson>();
        services.AddScoped<SavePersonClass>();
        services.AddScoped<ImportReports>();
        services.AddScoped<ListAddresses>();
        services.AddScoped<VerifyRecord>();
        services.AddScoped<CorrectPerson>();
        services.AddScoped<ListPersonClasses>();
        services.AddScoped<GetAddress>();
        services.AddScoped<SetBuildingHead>();
        services.AddScoped<AddAddress>();
        services.AddScoped<Houses.SaveHouse>();
        services.AddScoped<PrintPlates>();
        services.AddScoped<Demo.RegistryGenerator>();
        services.AddScoped<Demo.SeedDemoRegistry>();
        services.AddUnits().AddDogs().AddPermits().AddComponents().AddFocus().AddParty();
        return services;
    }

    public static void MapRegistry(this RouteGroupBuilder api, IEndpointRouteBuilder app) => api.MapRegistryEndpoints(app);
}
