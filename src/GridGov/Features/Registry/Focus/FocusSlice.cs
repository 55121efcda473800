namespace GridGov.Features.Registry.Focus;

// The focus part of the registry: its use cases and its endpoints under /api/v1/registry.
static class FocusSlice
{
    public static IServiceCollection AddFocus(this IServiceCollection services) => services;

    public static void MapFocus(this RouteGroupBuilder registry)
    {
    }
}
