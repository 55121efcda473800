using System.Collections.Concurrent;
using GridGov.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace GridGov.Features.Analytics.Warnings;

// A warning raised (New, with the ids of its evidence tickets) or handled, as the pages and the hub hear of it.
public sealed record WarningChange(long Id, long GridCode, WarningKind Kind, WarningState State, string Title, string AreaName, bool New,
    IReadOnlyList<long> TicketIds);

// Warnings as they are raised and handled, in-process (like TicketFeed): the office pages of the
// warning's area hear it through their circuit; other clients through /hubs/warnings.
public sealed class WarningFeed
{
    public event Action<WarningChange>? Changed;

    public void Publish(Warning w, bool isNew, IReadOnlyList<long>? tickets = null) =>
        Changed?.Invoke(new(w.Id, w.GridCode, w.Kind, w.State, w.Title, w.AreaName, isNew, tickets ?? []));

    // Who hears of a warning: an analyst whose scope holds the warning's area — the same rule as the
    // query filter on Warning (its GridCode in the caller's range or custom units).
    public static bool Hears(DataScope scope, bool analyst, long gridCode) => analyst && scope.Contains(gridCode);
}

// For a wall screen or another system: connect to /hubs/warnings with the bearer token and receive
// "warningChanged" for every warning of the caller's area as it is raised or handled.
[Authorize(Policy = Permissions.AnalyticsView)]
public sealed class WarningHub(WarningWatchers watchers) : Hub
{
    public const string Path = "/hubs/warnings";
    public const string Method = "warningChanged";

    public override async Task OnConnectedAsync()
    {
        var user = new CurrentUser(new HttpContextAccessor { HttpContext = Context.GetHttpContext() });
        watchers.Add(Context.ConnectionId, user.Scope);
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        watchers.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}

// The open connections and their callers' scopes as they connected (the hub's policy already asked
// for analytics.view).
public sealed class WarningWatchers
{
    readonly ConcurrentDictionary<string, DataScope> scopes = new();

    public void Add(string connection, DataScope scope) => scopes[connection] = scope;

    public void Remove(string connection) => scopes.TryRemove(connection, out _);

    public List<string> For(WarningChange c) => [.. scopes.Where(w => WarningFeed.Hears(w.Value, true, c.GridCode)).Select(w => w.Key)];
}

// Relays the in-process feed to the connections that may hear it.
public sealed class WarningHubRelay(WarningFeed feed, WarningWatchers watchers, IHubContext<WarningHub> hub) : IHostedService
{
    public Task StartAsync(CancellationToken ct) { feed.Changed += Relay; return Task.CompletedTask; }

    public Task StopAsync(CancellationToken ct) { feed.Changed -= Relay; return Task.CompletedTask; }

    void Relay(WarningChange c)
    {
        if (watchers.For(c) is { Count: > 0 } connections) _ = hub.Clients.Clients(connections).SendAsync(WarningHub.Method, c);
    }
}
