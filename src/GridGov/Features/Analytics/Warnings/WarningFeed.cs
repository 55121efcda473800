using GridGov.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using GridGov.Infrastructure.Web;

namespace GridGov.Features.Analytics.Warnings;

// A warning raised (New, with the ids of its evidence tickets) or handled, as the pages and the hub hear of it.
public sealed record WarningChange(long Id, long GridCode, WarningKind Kind, WarningState State, string Title, string AreaName, bool New,
    IReadOnlyList<long> TicketIds);

// Warnings as they are raised and handled, in-process (like TicketFeed): the office pages of the
// warning's area hear it through their circuit; other clients through /hubs/warnings.
public sealed class WarningFeed : ILiveFeed<WarningChange>
{
    public event Action<WarningChange>? Changed;

    public void Publish(Warning w, bool isNew, IReadOnlyList<long>? tickets = null) =>
        Changed?.Invoke(new(w.Id, w.GridCode, w.Kind, w.State, w.Title, w.AreaName, isNew, tickets ?? []));

    // Who hears of a warning: an analyst whose scope holds the warning's area — the same rule as the
    // query filter on Warning (its GridCode in the caller's range or custom units).
    public static bool Hears(DataScope scope, bool analyst, long gridCode) => analyst && scope.Contains(gridCode);
}

// For a wall screen or another system: connect to /hubs/warnings with the bearer token and receive
// "warningChanged" for every warning of the caller's area as it is raised or handled (the hub's
// policy already asked for analytics.view).
[Authorize(Policy = Permissions.AnalyticsView)]
public sealed class WarningHub(HubScopes<WarningHub> scopes) : ScopedHub<WarningHub>(scopes), IScopedHub<WarningChange>
{
    public const string Path = "/hubs/warnings";
    public static string Method => "warningChanged";

    public static bool Hears(DataScope scope, WarningChange c) => WarningFeed.Hears(scope, true, c.GridCode);
}
