using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Text.Json.Serialization;
using GridGov.Features.Tickets.Intake;

namespace GridGov.Bench;

// The machine's limit for an HTTP round trip: bare Kestrel in its own process (like the app, and with
// the app's server GC), no middleware, no logging. POST reads the JSON body into the app's own request
// record and answers 201 with a small JSON body; GET answers a small JSON page.
// Run as `GridGov.Bench serve-bare --urls http://127.0.0.1:PORT`.
static class BareServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        var app = builder.Build();
        long next = 0;
        app.MapGet("/ready", () => "ok");
        app.MapPost("/api/v1/tickets", (CreateTicketRequest r) =>
        {
            var id = Interlocked.Increment(ref next);
            return TypedResults.Created($"/api/v1/tickets/{id}", new { id, r.ClientRequestId, r.CategoryCode, state = "Reported" });
        });
        app.MapGet("/api/v1/tickets", (string? queue, int? page) =>
            TypedResults.Ok(new { items = Array.Empty<object>(), total = 0, page = page ?? 1, pageSize = 20, queue }));
        app.MapGet("/api/v1/tickets/counts", () => TypedResults.Ok(new[] { new { queue = "Reported", name = "待受理", count = 0 } }));
        await app.RunAsync();
        return 0;
    }

    public static Task<ServerProcess> StartAsync(string logFile) =>
        ServerProcess.StartAsync(ServerProcess.BenchDll, ["serve-bare"], new Dictionary<string, string>
        {
            // The app runs with server GC (the web SDK's default): the same here.
            ["DOTNET_gcServer"] = "1",
        }, logFile, "/ready", TimeSpan.FromSeconds(60));
}
