using System.Net;
using System.Text.Json;
using GridGov.Features.Tickets;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;

namespace GridGov.Tests.Infrastructure;

// Clients that the plain HttpClient of the test server cannot be: one at a given network address,
// and one on the ticket hub.
public static class TestClients
{
    // POST /api/v1/auth/token from a client address, as Kestrel would give it (TestServer sets none
    // itself), optionally through a proxy naming another address. Answers the status and the detail.
    public static async Task<(HttpStatusCode Status, string Detail)> TokenFromAsync(TestServer server, string ip, string user, string password,
        string? forwardedFor = null)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { userName = user, password });
        var http = await server.SendAsync(c =>
        {
            c.Request.Method = "POST";
            c.Request.Scheme = "http";
            c.Request.Host = new("localhost");
            c.Request.Path = "/api/v1/auth/token";
            c.Request.ContentType = "application/json";
            c.Request.ContentLength = body.Length;
            c.Request.Body = new MemoryStream(body);
            if (forwardedFor is not null) c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            c.Features.Set<IHttpRequestBodyDetectionFeature>(new HasBody());
            c.Connection.RemoteIpAddress = IPAddress.Parse(ip);
        });
        var text = await new StreamReader(http.Response.Body).ReadToEndAsync();
        return ((HttpStatusCode)http.Response.StatusCode,
            http.Response.StatusCode == 200 ? "" : JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString()!);
    }

    // TestServer tells the endpoint that a hand-built request has no body unless told otherwise.
    sealed class HasBody : IHttpRequestBodyDetectionFeature { public bool CanHaveBody => true; }

    // A started connection to a hub (the ticket hub unless told) with a bearer token (long polling
    // through the test server).
    public static async Task<HubConnection> HubAsync(TestServer server, string token, Action<HubConnection>? listen = null, string path = TicketHub.Path)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, path), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            }).Build();
        listen?.Invoke(hub);
        await hub.StartAsync();
        return hub;
    }
}
