namespace GridGov.Features.Registry.Party;

// The party part of the registry: its use cases and its endpoints under /api/v1/registry.
static class PartySlice
{
    public static IServiceCollection AddParty(this IServiceCollection services) => services;

    public static void MapParty(this RouteGroupBuilder registry)
    {
    }
}
