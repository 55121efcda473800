using GridGov.Features.Tickets;
using GridGov.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace GridGov.Tests.Tickets;

// The live feed for clients outside the office UI: a command centre hears of new tickets of its area
// without asking, and nothing of other areas.
[Collection(NanjingCollection.Name)]
public sealed class TicketHubTests(GridGovApp app)
{
    readonly TicketKit kit = new(app);

    async Task<(HubConnection Hub, System.Collections.Concurrent.ConcurrentQueue<TicketChange> Heard)> ListenAsync(string user)
    {
        var heard = new System.Collections.Concurrent.ConcurrentQueue<TicketChange>();
        var hub = await TestClients.HubAsync(app.Server, await app.TokenAsync(user), h => h.On<TicketChange>(TicketHub.Method, heard.Enqueue));
        return (hub, heard);
    }

    [Fact]
    public async Task A_street_centre_hears_of_a_new_ticket_in_its_area_and_a_department_not_given_it_does_not()
    {
        var (street, streetHeard) = await ListenAsync("street");
        var (handler, handlerHeard) = await ListenAsync("handler");
        await using var _ = street;
        await using var __ = handler;
        var t = await kit.ReportAsync();
        for (var i = 0; i < 100 && !streetHeard.Any(c => c.Id == t.Id); i++) await Task.Delay(100);
        var change = streetHeard.Single(c => c.Id == t.Id);
        Assert.Equal(TicketState.Reported, change.State);
        Assert.Equal(TicketKit.Grid, change.GridCode);
        Assert.DoesNotContain(handlerHeard, c => c.Id == t.Id);

        // Dispatched to the department, it reaches the department too.
        await kit.DoAsync("street", t.Id, TicketAction.Accept);
        await kit.DoAsync("street", t.Id, TicketAction.Dispatch, new { departmentId = await kit.HandlerDepartmentAsync() });
        for (var i = 0; i < 100 && !handlerHeard.Any(c => c.Id == t.Id); i++) await Task.Delay(100);
        Assert.Contains(handlerHeard, c => c.Id == t.Id && c.State == TicketState.Dispatched);
    }

    [Fact]
    public async Task Without_a_token_the_hub_refuses_the_connection()
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, TicketHub.Path), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
            }).Build();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => hub.StartAsync());
    }
}
