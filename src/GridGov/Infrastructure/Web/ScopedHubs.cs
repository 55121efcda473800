using System.Collections.Concurrent;
using GridGov.Infrastructure.Security;
using Microsoft.AspNetCore.SignalR;

namespace GridGov.Infrastructure.Web;

// A feature's changes as they happen, in-process: the office pages hear them through their circuit,
// other clients (the mobile terminal, a wall screen, another system) through the feature's hub.
public interface ILiveFeed<TChange>
{
    event Action<TChange>? Changed;
}

// What a scoped hub tells its relay: the client method it calls, and whether a caller of this scope
// may hear a change (the in-memory twin of the feature's query filter).
public interface IScopedHub<TChange>
{
    static abstract string Method { get; }
    static abstract bool Hears(DataScope scope, TChange change);
}

// A hub whose clients only listen: each connection's scope, as it opened, is remembered so every
// change goes to exactly the connections whose caller may see it. The session rule (HubSessions)
// closes a connection whose session ends.
public abstract class ScopedHub<THub>(HubScopes<THub> scopes) : Hub where THub : Hub
{
    public override async Task OnConnectedAsync()
    {
        var user = new CurrentUser(new HttpContextAccessor { HttpContext = Context.GetHttpContext() });
        scopes.Add(Context.ConnectionId, user.Scope);
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        scopes.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}

// The open connections of one hub and their callers' scopes.
public sealed class HubScopes<THub> where THub : Hub
{
    readonly ConcurrentDictionary<string, DataScope> scopes = new();

    public void Add(string connection, DataScope scope) => scopes[connection] = scope;

    public void Remove(string connection) => scopes.TryRemove(connection, out _);

    public List<string> Hearing(Func<DataScope, bool> hears) => [.. scopes.Where(s => hears(s.Value)).Select(s => s.Key)];
}

// Relays the feed to the connections that may hear each change.
public sealed class HubRelay<THub, TChange>(ILiveFeed<TChange> feed, HubScopes<THub> scopes, IHubContext<THub> hub) : IHostedService
    where THub : Hub, IScopedHub<TChange>
{
    public Task StartAsync(CancellationToken ct) { feed.Changed += Relay; return Task.CompletedTask; }

    public Task StopAsync(CancellationToken ct) { feed.Changed -= Relay; return Task.CompletedTask; }

    void Relay(TChange change)
    {
        if (scopes.Hearing(s => THub.Hears(s, change)) is { Count: > 0 } connections)
            _ = hub.Clients.Clients(connections).SendAsync(THub.Method, change);
    }
}

public static class ScopedHubSetup
{
    // The feed (a singleton, also as ILiveFeed), the hub's connection scopes and its relay.
    public static IServiceCollection AddScopedHub<THub, TChange, TFeed>(this IServiceCollection services)
        where THub : Hub, IScopedHub<TChange> where TFeed : class, ILiveFeed<TChange>
    {
        services.AddSingleton<TFeed>();
        services.AddSingleton<ILiveFeed<TChange>>(sp => sp.GetRequiredService<TFeed>());
        services.AddSingleton<HubScopes<THub>>();
        services.AddHostedService<HubRelay<THub, TChange>>();
        return services;
    }
}
