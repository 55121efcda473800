using System.Net;

namespace GridGov.Bench;

// What keeping the tallies costs ticket intake: the app on the same city, once as it runs and once
// with the write watchers off (GridGov__Bench__NoWatchers), the same reports through the HTTP API,
// runs taking turns so that the machine's noise hits both alike.
static class PanoramaIntake
{
    public static async Task RunAsync(Results results, BenchCity city, TicketOptions o)
    {
        var workload = await IntakeWorkload.CreateAsync(city);
        using var client = HttpLoad.Client(o.Concurrency);
        var run = 0;
        var loads = new Dictionary<string, List<LoadResult>> { ["with"] = [], ["without"] = [] };
        foreach (var variant in new[] { "with", "without" })
        {
            Dictionary<string, string>? extra = variant == "without" ? new() { ["GridGov__Bench__NoWatchers"] = "true" } : null;
            await using var app = await AppUnderTest.StartAsync(city, extra);
            var admin = await app.TokenAsync("admin", app.DemoPasswords()["admin"]);
            var tokens = new Dictionary<long, string>();
            foreach (var d in workload.Districts)
                tokens[d] = await app.CreateUserAsync(admin, $"bench-{variant}-{d}", $"受理员{d}", d, "acceptor");
            Func<long, HttpRequestMessage> Intake()
            {
                var tag = $"{variant}{Interlocked.Increment(ref run)}-";
                return n =>
                {
                    var r = workload.Reports[n % workload.Reports.Length];
                    return HttpLoad.Json(HttpMethod.Post, app.BaseUrl + "/api/v1/tickets", tokens[r.District], IntakeWorkload.Body(r, tag + n));
                };
            }
            await HttpLoad.RunAsync(client, o.Concurrency, o.WarmupSeconds, Intake(), HttpStatusCode.Created);
            for (var i = 0; i < results.Runs; i++)
                loads[variant].Add(await HttpLoad.RunAsync(client, o.Concurrency, o.Seconds, Intake(), HttpStatusCode.Created));
        }
        var label = city.Label;
        results.Add($"intake.{label}.with-tallies", "tickets/s", [.. loads["with"].Select(l => l.PerSecond)], $"intake.{label}.without-tallies");
        results.Add($"intake.{label}.without-tallies", "tickets/s", [.. loads["without"].Select(l => l.PerSecond)]);
        results.Add($"intake.{label}.with-tallies.p50", "ms", [.. loads["with"].Select(l => l.P50)], $"intake.{label}.without-tallies.p50");
        results.Add($"intake.{label}.without-tallies.p50", "ms", [.. loads["without"].Select(l => l.P50)]);
        var errors = loads.Values.SelectMany(l => l).Sum(l => l.Errors);
        results.Facts[$"intake.{label}.errors"] = errors;
        if (errors > 0) Console.Error.WriteLine($"intake/{label}: {errors} errors, first: {loads.Values.SelectMany(l => l).First(l => l.Errors > 0).FirstError}");
    }
}
