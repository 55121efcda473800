namespace GridGov.Features.Registry.Units;

// The units part of the registry: its use cases and its endpoints under /api/v1/registry.
static class UnitsSlice
{
    public static IServiceCollection AddUnits(this IServiceCollection services) => services;

    public static void MapUnits(this RouteGroupBuilder registry)
    {
    }
}
