using GridGov.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace GridGov.Features.Tickets;

// Live ticket changes for clients outside the office UI (the mobile terminal, a wall screen, another
// system): connect to /hubs/tickets with the bearer token and receive "ticketChanged" for every
// ticket of the caller's area as it is reported, moves or runs overdue. The office pages hear the
// same feed through their own circuit.
[Authorize(Policy = Permissions.TicketsAny)]
public sealed class TicketHub : Hub
{
    public const string Path = "/hubs/tickets";
    public const string Method = "ticketChanged";

    // One group per unit a caller can watch; a change goes to the groups of its grid's ancestors.
    public override async Task OnConnectedAsync()
    {
        var user = new CurrentUser(new HttpContextAccessor { HttpContext = Context.GetHttpContext() });
        var scope = user.Scope;
        IEnumerable<string> groups = scope.IsAll ? ["all"]
            : scope.IsCustom ? scope.CustomUnits.Select(GroupOf)
            : [GroupOf(scope.UnitCode)];
        if (user.DepartmentId is { } department) groups = [$"dept:{department}"];
        foreach (var g in groups) await Groups.AddToGroupAsync(Context.ConnectionId, g);
        await base.OnConnectedAsync();
    }

    public static string GroupOf(long unit) => $"unit:{unit}";

    public static IEnumerable<string> GroupsFor(TicketChange c)
    {
        yield return "all";
        for (long? unit = c.GridCode; unit is { } u; unit = OrgCode.Parent(u)) yield return GroupOf(u);
        if (c.LeadDepartmentId is { } d) yield return $"dept:{d}";
    }
}

// Relays the in-process feed to the hub's groups.
public sealed class TicketHubRelay(TicketFeed feed, IHubContext<TicketHub> hub) : IHostedService
{
    public Task StartAsync(CancellationToken ct) { feed.Changed += Relay; return Task.CompletedTask; }

    public Task StopAsync(CancellationToken ct) { feed.Changed -= Relay; return Task.CompletedTask; }

    void Relay(TicketChange c) => _ = hub.Clients.Groups([.. TicketHub.GroupsFor(c)]).SendAsync(TicketHub.Method, c);
}
