using System.Diagnostics;
using System.Security.Claims;
using GridGov.Features.Analytics;
using GridGov.Features.Analytics.Rollups;
using GridGov.Features.Analytics.Sources;
using GridGov.Features.Analytics.Trends;
using GridGov.Features.Organization;
using GridGov.Features.Panorama;
using GridGov.Features.Registry.Components;
using GridGov.Features.Registry.People;
using GridGov.Features.Tickets;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Places;
using GridGov.Infrastructure.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GridGov.Bench;

// The panorama's figures for the whole city and for one street on a year of Nanjing's tickets and its
// population: GetPanorama as the page and the API run it (from the tallies), beside the same figures
// by plain GROUP BYs over the raw rows, in the same run. Also what rebuilding the tallies costs.
static class PanoramaBench
{
    static readonly (string Name, long Code)[] Units = [("city", 3201), ("street", 320102002)];

    public static async Task RunAsync(Results results, TicketOptions o, int people)
    {
        var providers = new List<DatabaseProvider> { DatabaseProvider.Sqlite };
        if (o.Postgres && BenchCity.PostgresServer is not null) providers.Add(DatabaseProvider.Postgres);
        if (o.Db is { } only) providers.RemoveAll(p => p != only);
        foreach (var provider in providers) await RunOnAsync(results, provider, o, people);
    }

    static async Task RunOnAsync(Results results, DatabaseProvider provider, TicketOptions o, int people)
    {
        await using var city = await BenchCity.CreateAsync(provider);
        var label = city.Label;
        var generated = await TicketGenerator.RunAsync(city.Database, o.QueueTickets);
        Console.Error.WriteLine($"panorama/{label}: {generated}");
        var clock = Stopwatch.StartNew();
        await PanoramaPeople.FillAsync(city, people);
        Console.Error.WriteLine($"panorama/{label}: {people:N0} people in {clock.Elapsed.TotalSeconds:0} s");

        Memory.ResetPeak();
        var rebuilt = await new RebuildTallies(city.Database).RunAsync();
        results.Facts[$"panorama.{label}.rebuild-s"] = Math.Round(rebuilt.Took.TotalSeconds, 1);
        results.Facts[$"panorama.{label}.rebuild-peak-rss-mb"] = Memory.PeakMb();
        results.Facts[$"panorama.{label}.tickets"] = rebuilt.Tickets;
        results.Facts[$"panorama.{label}.people"] = rebuilt.Records;
        results.Facts[$"panorama.{label}.db-mb"] = Math.Round(city.DatabaseBytes() / 1e6);
        await using (var db = city.Database.CreateUnscoped(AuditActor.System))
            results.Facts[$"panorama.{label}.tally-rows"] = await db.Set<TicketTally>().LongCountAsync() + await db.Set<TicketFlowTally>().LongCountAsync()
                + await db.Set<RegistryTally>().LongCountAsync() + await db.Set<CategoryTally>().LongCountAsync() + await db.Set<DeadlineTally>().LongCountAsync();
        Console.Error.WriteLine($"panorama/{label}: tallies rebuilt from {rebuilt.Tickets:N0} tickets and {rebuilt.Records:N0} records in {rebuilt.Took.TotalSeconds:0.0} s");

        var classes = new ComponentClasses(Path.Combine(BenchDb.DataDir, "tickets", "categories.csv"));
        // GRIDGOV_BENCH_SLOW_MS=N prints the SQL of every query of the panorama slower than N ms.
        var watched = Environment.GetEnvironmentVariable("GRIDGOV_BENCH_SLOW_MS") is { Length: > 0 } slowMs
            ? new GridDatabase(city.Database.Provider, city.Database.ConnectionString,
                new SlowQueries(Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.AddConsole()).CreateLogger("slow"), TimeSpan.FromMilliseconds(int.Parse(slowMs))))
            : city.Database;
        foreach (var (name, code) in Units)
        {
            var ours = await SampleAsync(async () =>
            {
                await using var db = watched.Create(DataScope.Everything, AuditActor.System);
                var r = await new GetPanorama(db, Admin(), TimeProvider.System, classes, PlacesOf(watched)).HandleAsync(code, PanoramaPeriod.Year);
                if (r.Value is null) throw new InvalidOperationException("panorama not found");
                return r.Value.Tickets;
            });
            var plain = await SampleAsync(async () =>
            {
                await using var db = city.Database.Create(DataScope.Everything, AuditActor.System);
                return await PlainAsync(db, code);
            });
            if (ours.Value != plain.Value) throw new InvalidOperationException($"{name}: the tallies say {ours.Value} tickets this year, a GROUP BY {plain.Value}");
            results.Add($"panorama.{label}.{name}.p95", "ms", [P(ours.Ms, 0.95)], $"plain.{label}.{name}.p95");
            results.Add($"panorama.{label}.{name}.p50", "ms", [P(ours.Ms, 0.5)], $"plain.{label}.{name}.p50");
            results.Add($"plain.{label}.{name}.p95", "ms", [P(plain.Ms, 0.95)]);
            results.Add($"plain.{label}.{name}.p50", "ms", [P(plain.Ms, 0.5)]);
            results.Facts[$"panorama.{label}.{name}.samples"] = $"{ours.Ms.Length} / {plain.Ms.Length} (tallies / GROUP BY)";
            results.Facts[$"panorama.{label}.{name}.tickets-this-year"] = ours.Value;
            Console.Error.WriteLine($"panorama/{label}/{name}: tallies p50 {P(ours.Ms, 0.5):0.0} p95 {P(ours.Ms, 0.95):0.0} ms; GROUP BY p50 {P(plain.Ms, 0.5):0.0} p95 {P(plain.Ms, 0.95):0.0} ms");
        }
        await TrendsAsync(results, label, watched);
        if (o.Part is null or "intake") await PanoramaIntake.RunAsync(results, city, o);
    }

    // 趋势分析 from the category tallies: the city's last 12 months by category, a street's last 30 days
    // by source, 关联分析 of the city's last 90 days (sources × categories × districts).
    static async Task TrendsAsync(Results results, string label, GridDatabase database)
    {
        (string Name, Func<GridDbContext, Task<long>> Run)[] questions =
        [
            ("trend-city-months", async db => (await Trend(db, database).HandleAsync(new(3201, "Month", null, null, "Category", null, null))).Value!.Total.Count),
            ("trend-street-days", async db => (await Trend(db, database).HandleAsync(new(320102002, "Day", null, null, "Source", null, null))).Value!.Total.Count),
            ("sources-city-90d", async db => (await new GetSourceComparison(db, UnitsOf(db, database), new TrendCounts(db), TimeProvider.System)
                .HandleAsync(new(3201, null, null))).Value!.All.Total),
        ];
        foreach (var (name, run) in questions)
        {
            var r = await SampleAsync(async () => { await using var db = database.Create(DataScope.Everything, AuditActor.System); return await run(db); });
            results.Add($"analysis.{label}.{name}.p95", "ms", [P(r.Ms, 0.95)]);
            results.Add($"analysis.{label}.{name}.p50", "ms", [P(r.Ms, 0.5)]);
            Console.Error.WriteLine($"analysis/{label}/{name}: p50 {P(r.Ms, 0.5):0.0} p95 {P(r.Ms, 0.95):0.0} ms ({r.Value:N0} tickets)");
        }
    }

    // Places is the app's singleton (names and grid outlines loaded once): one per database here too.
    static readonly Dictionary<GridDatabase, Places> places = [];

    static Places PlacesOf(GridDatabase database)
    {
        if (!places.TryGetValue(database, out var p)) places[database] = p = new Places(database);
        return p;
    }

    static AnalysisUnits UnitsOf(GridDbContext db, GridDatabase database) => new(db, Admin(), PlacesOf(database));

    static GetTrend Trend(GridDbContext db, GridDatabase database) => new(db, UnitsOf(db, database), new TrendCounts(db), TimeProvider.System);

    // Sequential calls, one warm-up, at least 5 (3 of a minute or more) and until 300 or 20 s.
    static async Task<(double[] Ms, long Value)> SampleAsync(Func<Task<long>> run)
    {
        var value = await run();
        var samples = new List<double>();
        var total = Stopwatch.StartNew();
        // Calls of a minute or more (a plain GROUP BY over a city's year on SQLite): three are enough.
        while (samples.Count < 300 && (samples.Count < (samples.Count > 0 && samples[^1] > 60_000 ? 3 : 5) || total.Elapsed.TotalSeconds < 20))
        {
            var start = Stopwatch.GetTimestamp();
            value = await run();
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        samples.Sort();
        return ([.. samples], value);
    }

    static double P(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * q))];

    // The same figures straight from the raw rows: what the panorama would cost without the tallies.
    static async Task<long> PlainAsync(GridDbContext db, long unit)
    {
        var (from, to) = OrgCode.Subtree(unit);
        var now = DateTime.UtcNow;
        var china = ChinaTime.FromUtc(now);
        var year = ChinaTime.ToUtc(new DateTime(china.Year, 1, 1));
        var today = ChinaTime.ToUtc(china.Date);
        var tickets = db.Set<Ticket>().Where(t => t.GridCode >= from && t.GridCode <= to);
        var bySourceState = await tickets.Where(t => t.ReportedAt >= year).GroupBy(t => new { t.Source, t.State }).Select(g => new { g.Key, N = g.LongCount() }).ToListAsync();
        _ = await tickets.LongCountAsync(t => t.ReportedAt >= today);
        _ = await tickets.LongCountAsync(t => t.State == TicketState.Closed && t.ClosedAt >= today);
        _ = await tickets.LongCountAsync(t => t.DueAt < now);
        _ = await tickets.Where(t => t.State == TicketState.Closed && t.ClosedAt >= year && t.LeadDepartmentId != null)
            .GroupBy(t => t.LeadDepartmentId).Select(g => new { g.Key, N = g.Count(), Rework = g.Count(t => t.ReworkCount > 0) }).ToListAsync();
        var scale = unit < 10_000 ? 1_000_000_000L : 1_000L;
        _ = await tickets.Where(t => t.ReportedAt >= year).GroupBy(t => t.GridCode / scale).Select(g => new { g.Key, N = g.Count() }).ToListAsync();
        var people = db.Set<Person>().Where(p => p.GridCode >= from && p.GridCode <= to && p.State != GridGov.Features.Registry.VerificationState.Removed);
        _ = await people.GroupBy(p => p.Residency).Select(g => new { g.Key, N = g.Count() }).ToListAsync();
        _ = await people.GroupBy(p => p.GridCode / scale).Select(g => new { g.Key, N = g.Count() }).ToListAsync();
        return bySourceState.Sum(x => x.N);
    }

    static CurrentUser Admin()
    {
        var identity = new ClaimsIdentity([
            new(ClaimTypes.NameIdentifier, "1"), new(ClaimTypes.Name, "admin"),
            new(CurrentUser.ScopeClaim, nameof(DataScopeKind.All)), new(CurrentUser.UnitClaim, "3201"),
            new(Permissions.ClaimType, Permissions.AnalyticsView), new(Permissions.ClaimType, Permissions.RegistrySpecial),
        ], "bench");
        return new CurrentUser(new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(identity) } });
    }
}

// This process's peak resident set, reset before the part measured (Linux /proc).
static class Memory
{
    public static void ResetPeak()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public static double PeakMb()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:"));
        return line is null ? 0 : Math.Round(long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0);
    }
}
