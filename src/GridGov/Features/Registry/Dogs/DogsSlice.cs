namespace GridGov.Features.Registry.Dogs;

// The dogs part of the registry: its use cases and its endpoints under /api/v1/registry.
static class DogsSlice
{
    public static IServiceCollection AddDogs(this IServiceCollection services) => services;

    public static void MapDogs(this RouteGroupBuilder registry)
    {
    }
}
