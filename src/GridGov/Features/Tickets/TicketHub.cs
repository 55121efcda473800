using System.Collections.Concurrent;
using GridGov.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace GridGov.Features.Tickets;

// Live ticket changes for clients outside the office UI (the mobile terminal, a wall screen, another
// system): connect to /hubs/tickets with the bearer token and receive "ticketChanged" for every
// ticket the caller could open as it is reported, moves or runs overdue. The office pages hear the
// same feed through their own circuit.
[Authorize(Policy = Permissions.TicketsAny)]
public sealed class TicketHub(TicketWatchers watchers) : Hub
{
    public const string Path = "/hubs/tickets";
    public const string Method = "ticketChanged";

    // The caller's scope as the connection opened: each event is checked against it (TicketWatchers).
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

// The open connections and their callers' scopes. A change goes to exactly those whose caller could
// open the ticket (TicketScope.Sees, the in-memory twin of the query filter): not to a "self only"
// or "own unit only" account for a ticket elsewhere in its unit's area, nor to a department the
// ticket has left.
public sealed class TicketWatchers
{
    readonly ConcurrentDictionary<string, DataScope> scopes = new();

    public void Add(string connection, DataScope scope) => scopes[connection] = scope;

    public void Remove(string connection) => scopes.TryRemove(connection, out _);

    public List<string> For(TicketChange c) =>
        [.. scopes.Where(w => TicketScope.Sees(w.Value, c.GridCode, c.ReporterId, c.ActiveDepartments)).Select(w => w.Key)];
}

// Relays the in-process feed to the connections that may hear it.
public sealed class TicketHubRelay(TicketFeed feed, TicketWatchers watchers, IHubContext<TicketHub> hub) : IHostedService
{
    public Task StartAsync(CancellationToken ct) { feed.Changed += Relay; return Task.CompletedTask; }

    public Task StopAsync(CancellationToken ct) { feed.Changed -= Relay; return Task.CompletedTask; }

    void Relay(TicketChange c)
    {
        if (watchers.For(c) is { Count: > 0 } connections) _ = hub.Clients.Clients(connections).SendAsync(TicketHub.Method, c);
    }
}
