namespace GridGov.Features.Registry.Permits;

// The permits part of the registry: its use cases and its endpoints under /api/v1/registry.
static class PermitsSlice
{
    public static IServiceCollection AddPermits(this IServiceCollection services) => services;

    public static void MapPermits(this RouteGroupBuilder registry)
    {
    }
}
