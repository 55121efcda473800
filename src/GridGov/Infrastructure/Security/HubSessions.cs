using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace GridGov.Infrastructure.Security;

// Open hub connections (the ticket hub, the office pages' circuits) were authenticated once, when
// they connected. This keeps them under the session rule: every connection is registered, checked
// on each call and swept periodically; one whose session has ended is closed. Sessions ended on this
// node are swept at once (Sweep), those ended elsewhere within the rule's cache time plus Interval.
public sealed class HubSessions(IServiceProvider services, ILogger<HubSessions> log) : BackgroundService, IHubFilter
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(20);

    readonly ConcurrentDictionary<string, HubCallerContext> open = new();
    readonly SemaphoreSlim wake = new(0);

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (!await IsCurrentAsync(context.Context)) throw new HubException("登录已失效，请重新登录");
        open[context.Context.ConnectionId] = context.Context;
        await next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        open.TryRemove(context.Context.ConnectionId, out _);
        return next(context, exception);
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (!await IsCurrentAsync(context.Context))
        {
            context.Context.Abort();
            throw new HubException("登录已失效，请重新登录");
        }
        return await next(context);
    }

    // Ask for a sweep now (a session was ended on this node).
    public void Sweep() => wake.Release();

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try { await wake.WaitAsync(Interval, stop); }
            catch (OperationCanceledException) { return; }
            foreach (var (id, caller) in open)
            {
                try
                {
                    if (await IsCurrentAsync(caller)) continue;
                    open.TryRemove(id, out _);
                    caller.Abort();
                }
                catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "Checking hub connection {Id} failed", id); }
            }
        }
    }

    // The rule is a singleton of the accounts area, looked up once (it needs this class itself).
    ISessionRule? rule;

    async ValueTask<bool> IsCurrentAsync(HubCallerContext caller)
    {
        if (caller.User?.Identity?.IsAuthenticated != true) return true;
        rule ??= services.GetService<ISessionRule>();
        return rule is null || await rule.IsCurrentAsync(caller.User);
    }
}
