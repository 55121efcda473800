using GridGov.Infrastructure.Database;
using System.Text.Json;
using GridGov.Features.Audit;
using GridGov.Features.Organization;
using GridGov.Features.Organization.Import;
using GridGov.Infrastructure.Spatial;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace GridGov.Bench;

// Point-to-grid lookups with GridLocator, beside bare NetTopologySuite doing the same by hand and a
// brute-force scan that shows what the index is worth.
static class LocateBench
{
    const int Points = 1_000_000;
    const int BrutePoints = 10_000;

    public static async Task RunAsync(Results results)
    {
        var grids = await LoadGridsAsync();
        Console.Error.WriteLine($"locate: {grids.Count} grids, {Points:N0} random points, {results.Runs} runs");
        var envelope = new Envelope();
        foreach (var (_, boundary) in grids) envelope.ExpandToInclude(boundary.EnvelopeInternal);
        var random = new Random(42);
        var lon = new double[Points];
        var lat = new double[Points];
        for (var i = 0; i < Points; i++)
        {
            lon[i] = envelope.MinX + random.NextDouble() * envelope.Width;
            lat[i] = envelope.MinY + random.NextDouble() * envelope.Height;
        }

        GridLocator locator = null!;
        var build = results.Measure(() => Results.Time(() => locator = new GridLocator(grids)))[0];
        var bare = new BareLocator(grids);

        var (locator1, bare1, locator2, bare2) = (new long[Points], new long[Points], new long[Points], new long[Points]);
        var brute = new long[BrutePoints];
        var seconds = results.Measure(
            () => Serial(locator.Locate, lon, lat, locator1),
            () => Parallel(locator.Locate, lon, lat, locator2),
            () => Serial(bare.Scan, lon, lat, brute),
            () => Serial(bare.Locate, lon, lat, bare1),
            () => Parallel(bare.Locate, lon, lat, bare2));
        double[] Rate(int i, int count) => [.. seconds[i].Select(s => count / s)];
        var cores = Environment.ProcessorCount;

        results.Add("locate.build", "s", build);
        results.Add("locate.gridlocator-1", "lookups/s", Rate(0, Points), "limit.nts-1");
        results.Add($"locate.gridlocator-{cores}", "lookups/s", Rate(1, Points), $"limit.nts-{cores}");
        results.Add("locate.brute-force-1", "lookups/s", Rate(2, BrutePoints), "limit.nts-1");
        results.Add("limit.nts-1", "lookups/s", Rate(3, Points));
        results.Add($"limit.nts-{cores}", "lookups/s", Rate(4, Points));

        // Every variant must give the same answer for every point, or its speed means nothing.
        var mismatches = Differ(locator1, bare1) + Differ(locator2, bare1) + Differ(bare2, bare1) + Differ(brute, bare1);
        results.Facts["locate.grids"] = grids.Count;
        results.Facts["locate.points-in-a-grid"] = Math.Round(bare1.Count(c => c != 0) / (double)Points, 3);
        results.Facts["locate.mismatches"] = mismatches;
    }

    // Grids as the application has them: read back from an imported database and parsed from GeoJSON.
    static async Task<List<(long Code, Geometry Boundary)>> LoadGridsAsync()
    {
        await using var tmp = new BenchDb();
        var database = await tmp.MigratedAsync();
        await BenchDb.ImportAsync(database);
        await using var db = database.CreateUnscoped(AuditActor.System);
        var rows = await db.OrgUnits.Where(u => u.Level == OrgLevel.Grid && u.Boundary != null)
            .Select(u => new { u.Code, u.Boundary }).ToListAsync();
        return [.. rows.Select(r => (r.Code, JsonSerializer.Deserialize<Geometry>(r.Boundary!, BoundaryFile.GeoJson)!))];
    }

    // Fills `into` up to its length, which sets how many points are looked up.
    static TimeSpan Serial(Func<double, double, long?> locate, double[] lon, double[] lat, long[] into) => Results.Time(() =>
    {
        for (var i = 0; i < into.Length; i++) into[i] = locate(lon[i], lat[i]) ?? 0;
    });

    // Chunks rather than one delegate call per point, so the figure is the lookup, not Parallel.For.
    static TimeSpan Parallel(Func<double, double, long?> locate, double[] lon, double[] lat, long[] into) => Results.Time(() =>
    {
        const int Chunks = 64;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        System.Threading.Tasks.Parallel.For(0, Chunks, options, c =>
        {
            var end = (int)((long)into.Length * (c + 1) / Chunks);
            for (var i = (int)((long)into.Length * c / Chunks); i < end; i++) into[i] = locate(lon[i], lat[i]) ?? 0;
        });
    });

    static int Differ(long[] a, long[] reference) => Enumerable.Range(0, a.Length).Count(i => a[i] != reference[i]);
}
