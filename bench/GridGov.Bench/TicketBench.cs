using System.Diagnostics;
using System.Globalization;
using System.Net;
using GridGov.Features.Audit;
using GridGov.Features.Tickets;
using GridGov.Infrastructure.Database;

namespace GridGov.Bench;

// Ticket intake through the HTTP API and the queue pages, on the real app (GridGov.dll in its own
// process on real Kestrel) over a city with a year of generated tickets, each beside the machine's
// limits measured in the same run: bare Kestrel with the same client, raw one-row inserts.
static class TicketBench
{
    public static async Task RunAsync(Results results, TicketOptions o)
    {
        if (o.Part is null or "intake") await IntakeAsync(results, o);
        if (o.Part is null or "queues") await QueuesAsync(results, o);
    }

    sealed class Target(string label, AppUnderTest app)
    {
        public string Label => label;
        public AppUnderTest App => app;
        public Dictionary<long, string> Tokens { get; } = [];
        public List<LoadResult> Loads { get; } = [];
        public List<double> ServerCores { get; } = [];
        public List<double> ClientCores { get; } = [];
    }

    static async Task<BenchCity> CityWithTicketsAsync(DatabaseProvider provider, int tickets, Results results, string prefix)
    {
        var city = await BenchCity.CreateAsync(provider);
        var report = await TicketGenerator.RunAsync(city.Database, tickets);
        Console.Error.WriteLine($"  {city.Label}: {report}");
        results.Facts[$"{prefix}.{city.Label}.generated"] = report.ToString();
        results.Facts[$"{prefix}.{city.Label}.generate-rows-per-s"] = Math.Round(report.RowsPerSecond);
        results.Facts[$"{prefix}.{city.Label}.db-mb"] = Math.Round(city.DatabaseBytes() / 1e6);
        return city;
    }

    // ---------------------------------------------------------------- intake ---

    static async Task IntakeAsync(Results results, TicketOptions o)
    {
        Console.Error.WriteLine($"tickets/intake: {o.IntakeTickets:N0} existing tickets, {o.Concurrency} requests in flight, "
            + $"{o.Seconds} s per run, {results.Runs} runs after 1 warm-up, SQLite{(o.Postgres ? " and PostgreSQL" : "")}");
        var cities = new List<BenchCity>();
        var targets = new List<Target>();
        ServerProcess? bare = null;
        try
        {
            cities.Add(await CityWithTicketsAsync(DatabaseProvider.Sqlite, o.IntakeTickets, results, "intake"));
            if (o.Postgres) cities.Add(await CityWithTicketsAsync(DatabaseProvider.Postgres, o.IntakeTickets, results, "intake"));
            var workload = await IntakeWorkload.CreateAsync(cities[0]);
            foreach (var city in cities)
            {
                var clock = Stopwatch.StartNew();
                var app = await AppUnderTest.StartAsync(city);
                var target = new Target(city.Label, app);
                targets.Add(target);
                var passwords = app.DemoPasswords();
                var admin = await app.TokenAsync("admin", passwords["admin"]);
                // One hotline acceptor per district, created through the API like an administrator would.
                foreach (var d in workload.Districts)
                    target.Tokens[d] = await app.CreateUserAsync(admin, $"bench-acceptor-{d}", $"受理员{d}", d, "acceptor");
                Console.Error.WriteLine($"  app on {city.Label} up in {clock.Elapsed.TotalSeconds:F1} s (pid {app.Server.Pid}, log {app.Server.LogFile})");
            }
            bare = await BareServer.StartAsync(Path.Combine(cities[0].DataDir, "bare.log"));

            using var client = HttpLoad.Client(o.Concurrency);
            var run = 0;
            Func<long, HttpRequestMessage> Intake(string baseUrl, Dictionary<long, string> tokens)
            {
                var tag = $"b{Interlocked.Increment(ref run)}-";
                return n =>
                {
                    var r = workload.Reports[n % workload.Reports.Length];
                    return HttpLoad.Json(HttpMethod.Post, baseUrl + "/api/v1/tickets", tokens[r.District], IntakeWorkload.Body(r, tag + n));
                };
            }
            Func<Task<TimeSpan>> Http(Target t, Func<Func<long, HttpRequestMessage>> request, HttpStatusCode expected, ServerProcess server) => async () =>
            {
                var (cpu0, own0) = (server.CpuTime, Process.GetCurrentProcess().TotalProcessorTime);
                t.Loads.Add(await HttpLoad.RunAsync(client, o.Concurrency, o.Seconds, request(), expected));
                var seconds = o.Seconds + 0.5;
                t.ServerCores.Add((server.CpuTime - cpu0).TotalSeconds / seconds);
                t.ClientCores.Add((Process.GetCurrentProcess().TotalProcessorTime - own0).TotalSeconds / seconds);
                return TimeSpan.FromSeconds(o.Seconds);
            };

            var bareTarget = new Target("kestrel", targets[0].App);
            var rawTargets = new List<(string Label, List<LoadResult> Loads)>();
            var measured = new List<Func<Task<TimeSpan>>>();
            foreach (var t in targets) measured.Add(Http(t, () => Intake(t.App.BaseUrl, t.Tokens), HttpStatusCode.Created, t.App.Server));
            measured.Add(Http(bareTarget, () => Intake(bare.BaseUrl, targets[0].Tokens), HttpStatusCode.Created, bare));
            Func<long, Ticket> Row(string tag) => n =>
            {
                var r = workload.Reports[n % workload.Reports.Length];
                return IntakeWorkload.Row(r, DateTime.UtcNow, $"{tag}{Interlocked.Increment(ref run)}-{n}");
            };
            foreach (var city in cities)
            {
                // The table as this provider's model maps it (column types differ between providers).
                EfTable<Ticket> table;
                await using (var db = city.Database.CreateUnscoped(AuditActor.System))
                    table = new EfTable<Ticket>(db.Model, withKey: false);
                var loads = new List<LoadResult>();
                rawTargets.Add((city.Label, loads));
                var rawSeconds = Math.Max(2, o.Seconds / 2);
                measured.Add(city.Provider == DatabaseProvider.Sqlite
                    ? () => { loads.Add(RawInsert.Sqlite(city.Database.ConnectionString, table, Row("raw-s"), rawSeconds)); return Task.FromResult(TimeSpan.FromSeconds(rawSeconds)); }
                    : async () => { loads.Add(await RawInsert.PostgresAsync(city.Database.ConnectionString, table, Row("raw-p"), o.Concurrency, rawSeconds)); return TimeSpan.FromSeconds(rawSeconds); });
            }
            // The app's code settles first: under load .NET recompiles the hot methods (tiered JIT,
            // with profile-guided optimisation), which takes half the CPU of these 2 cores for tens of
            // seconds after start. A server runs for months; its first minute is not what it does.
            foreach (var t in targets)
            {
                var settle = await HttpLoad.RunAsync(client, o.Concurrency, o.WarmupSeconds, Intake(t.App.BaseUrl, t.Tokens), HttpStatusCode.Created);
                Console.Error.WriteLine($"  {t.Label}: settled with {o.WarmupSeconds:F0} s of load ({settle.PerSecond:F0} tickets/s meanwhile)");
                results.Facts[$"intake.{t.Label}.settle-per-s"] = Math.Round(settle.PerSecond);
            }
            await results.MeasureAsync([.. measured]);

            // Latency with nothing else in flight: the cost of one report, without queueing.
            var alone = new Dictionary<string, LoadResult>();
            foreach (var t in targets) alone[t.Label] = await HttpLoad.SequentialAsync(client, 200, Intake(t.App.BaseUrl, t.Tokens), HttpStatusCode.Created);
            alone["kestrel"] = await HttpLoad.SequentialAsync(client, 200, Intake(bare.BaseUrl, targets[0].Tokens), HttpStatusCode.Created);

            // Figures: the warm-up (first) load of each is left out.
            const string K = "limit.kestrel-post";
            foreach (var t in targets)
            {
                AddLoad(results, $"intake.{t.Label}", "tickets/s", t.Loads, K);
                results.Facts[$"intake.{t.Label}.vs-raw-insert"] = Math.Round(Median(t.Loads.Skip(1).Select(l => l.PerSecond))
                    / Median(rawTargets.First(r => r.Label == t.Label).Loads.Skip(1).Select(l => l.PerSecond)), 4);
                results.Facts[$"intake.{t.Label}.server-cores"] = Math.Round(Median(t.ServerCores.Skip(1)), 2);
                results.Facts[$"intake.{t.Label}.client-cores"] = Math.Round(Median(t.ClientCores.Skip(1)), 2);
            }
            AddLoad(results, K, "req/s", bareTarget.Loads, null);
            results.Facts["limit.kestrel-post.server-cores"] = Math.Round(Median(bareTarget.ServerCores.Skip(1)), 2);
            results.Facts["limit.kestrel-post.client-cores"] = Math.Round(Median(bareTarget.ClientCores.Skip(1)), 2);
            foreach (var (label, loads) in rawTargets)
                AddLoad(results, label == "sqlite" ? "limit.sqlite-insert-1" : $"limit.pg-insert-{o.Concurrency}", "rows/s", loads, null);
            foreach (var (label, r) in alone)
                results.Facts[$"intake.{label}.1-in-flight-ms"] = $"p50 {r.P50:F1}, p99 {r.P99:F1} ({r.Count} requests, {r.Errors} errors)";
            long errors = 0;
            foreach (var t in targets.Append(bareTarget))
            {
                var measuredErrors = t.Loads.Skip(1).Sum(l => l.Errors);
                errors += measuredErrors + t.Loads[0].Errors;
                results.Facts[$"intake.{t.Label}.errors"] = measuredErrors;
                if (t.Loads[0].Errors > 0) results.Facts[$"intake.{t.Label}.warm-up-errors"] = t.Loads[0].Errors;
                if (t.Loads.FirstOrDefault(l => l.FirstError is not null)?.FirstError is { } first) results.Facts[$"intake.{t.Label}.first-error"] = first;
            }
            results.Facts["intake.errors"] = errors + alone.Values.Sum(a => a.Errors);
            results.Facts["intake.concurrency"] = o.Concurrency;
            results.Facts["intake.existing-tickets"] = o.IntakeTickets;
        }
        finally
        {
            if (bare is not null) await bare.DisposeAsync();
            foreach (var t in targets) await t.App.DisposeAsync();
            foreach (var c in cities) await c.DisposeAsync();
        }
    }

    static void AddLoad(Results results, string name, string unit, List<LoadResult> loads, string? limit)
    {
        var measured = loads.Skip(1).ToList();
        results.Add(name, unit, [.. measured.Select(l => l.PerSecond)], limit);
        results.Add(name + ".p50", "ms", [.. measured.Select(l => l.P50)], limit is null ? null : limit + ".p50");
        results.Add(name + ".p99", "ms", [.. measured.Select(l => l.P99)], limit is null ? null : limit + ".p99");
    }

    static double Median(IEnumerable<double> values)
    {
        double[] s = [.. values.Order()];
        return s.Length == 0 ? double.NaN : s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    // ---------------------------------------------------------------- queues ---

    static readonly string[] Queues = ["Reported", "Accepted", "Dispatched", "Handled", "Overdue", "Supervised", "Closed", "All"];
    static readonly string[] Accounts = ["admin", "district", "street"];

    static async Task QueuesAsync(Results results, TicketOptions o)
    {
        var providers = new List<DatabaseProvider> { DatabaseProvider.Sqlite };
        if (o.Postgres && o.QueuesOnPostgres) providers.Add(DatabaseProvider.Postgres);
        var perRequest = o.Quick ? 5 : 10;
        Console.Error.WriteLine($"tickets/queues: {o.QueueTickets:N0} tickets, accounts {string.Join(", ", Accounts)}, "
            + $"{Queues.Length} queues + counts, up to {perRequest} sequential requests each per run (at least 3, at most 1.5 s), {results.Runs} runs after 1 warm-up");
        var cities = new List<BenchCity>();
        var apps = new List<AppUnderTest>();
        ServerProcess? bare = null;
        try
        {
            foreach (var p in providers) cities.Add(await CityWithTicketsAsync(p, o.QueueTickets, results, "queues"));
            foreach (var c in cities) apps.Add(await AppUnderTest.StartAsync(c));
            bare = await BareServer.StartAsync(Path.Combine(cities[0].DataDir, "bare.log"));
            using var client = HttpLoad.Client(1);

            // Samples per run: (database, account, queue or "counts") → latencies; one list per run.
            var samples = new Dictionary<(string Db, string Account, string Page), List<List<double>>>();
            var measured = new List<Func<Task<TimeSpan>>>();
            foreach (var (city, app) in cities.Zip(apps))
            {
                var passwords = app.DemoPasswords();
                foreach (var account in Accounts)
                {
                    var token = await app.TokenAsync(account, passwords[account]);
                    measured.Add(() => PagesAsync(client, app.BaseUrl, token, city.Label, account, perRequest, samples));
                }
            }
            var bareToken = (await apps[0].TokenAsync("admin", apps[0].DemoPasswords()["admin"]));
            measured.Add(() => PagesAsync(client, bare.BaseUrl, bareToken, "kestrel", "any", perRequest, samples));
            await results.MeasureAsync([.. measured]);

            // Per run, the percentile over that run's requests of one kind (list pages of every queue, or counts).
            double[] PerRun(string db, string account, Func<string, bool> page, double p)
            {
                var keys = samples.Keys.Where(k => k.Db == db && k.Account == account && page(k.Page)).ToList();
                var runs = samples[keys[0]].Count;
                return [.. Enumerable.Range(1, runs - 1).Select(run =>
                {
                    var all = keys.SelectMany(k => samples[k][run]).Order().ToList();
                    return LoadResult.Percentile(all, p);
                })];
            }
            foreach (var c in cities)
                foreach (var account in Accounts)
                    foreach (var (kind, isKind) in new (string, Func<string, bool>)[] { ("list", p => p != "counts"), ("counts", p => p == "counts") })
                    {
                        var name = $"queues.{c.Label}.{kind}.{account}";
                        results.Add(name + ".p50", "ms", PerRun(c.Label, account, isKind, 0.5), $"limit.kestrel-get.{kind}.p50");
                        results.Add(name + ".p95", "ms", PerRun(c.Label, account, isKind, 0.95), $"limit.kestrel-get.{kind}.p95");
                    }
            foreach (var (kind, isKind) in new (string, Func<string, bool>)[] { ("list", p => p != "counts"), ("counts", p => p == "counts") })
            {
                results.Add($"limit.kestrel-get.{kind}.p50", "ms", PerRun("kestrel", "any", isKind, 0.5));
                results.Add($"limit.kestrel-get.{kind}.p95", "ms", PerRun("kestrel", "any", isKind, 0.95));
            }
            // Each page's p95 over all measured runs: which queue is slow for whom.
            foreach (var ((db, account, page), runs) in samples.Where(s => s.Key.Db != "kestrel").OrderBy(s => s.Key.Db).ThenBy(s => s.Key.Account))
            {
                var all = runs.Skip(1).SelectMany(r => r).Order().ToList();
                results.Facts[$"queues.{db}.{account}.{page}.p95-ms"] = Math.Round(LoadResult.Percentile(all, 0.95), 1);
            }
            results.Facts["queues.tickets"] = o.QueueTickets;
        }
        finally
        {
            if (bare is not null) await bare.DisposeAsync();
            foreach (var a in apps) await a.DisposeAsync();
            foreach (var c in cities) await c.DisposeAsync();
        }
    }

    // One run for one account: every queue's first page and the counts, each up to `perRequest` times
    // in a row (at least 3, then until 1.5 s of one kind have passed).
    static async Task<TimeSpan> PagesAsync(HttpClient client, string baseUrl, string token, string db, string account, int perRequest,
        Dictionary<(string, string, string), List<List<double>>> samples)
    {
        var clock = Stopwatch.StartNew();
        foreach (var page in Queues.Append("counts"))
        {
            var url = page == "counts" ? $"{baseUrl}/api/v1/tickets/counts" : $"{baseUrl}/api/v1/tickets?queue={page}&page=1";
            var latencies = new List<double>();
            var kind = Stopwatch.StartNew();
            for (var i = 0; i < perRequest && (i < 3 || kind.Elapsed.TotalSeconds < 1.5); i++)
            {
                using var m = HttpLoad.Json(HttpMethod.Get, url, token, null);
                var sent = Stopwatch.GetTimestamp();
                using var r = await client.SendAsync(m, HttpCompletionOption.ResponseContentRead);
                var ms = (Stopwatch.GetTimestamp() - sent) * 1000.0 / Stopwatch.Frequency;
                if (r.StatusCode != HttpStatusCode.OK)
                    throw new InvalidOperationException($"{account} GET {url}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
                latencies.Add(ms);
            }
            var key = (db, account, page);
            if (!samples.TryGetValue(key, out var runs)) samples[key] = runs = [];
            runs.Add(latencies);
        }
        return clock.Elapsed;
    }
}
