namespace GridGov.Features.Registry.Components;

// The components part of the registry: its use cases and its endpoints under /api/v1/registry.
static class ComponentsSlice
{
    public static IServiceCollection AddComponents(this IServiceCollection services) => services;

    public static void MapComponents(this RouteGroupBuilder registry)
    {
    }
}
