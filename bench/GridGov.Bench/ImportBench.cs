using GridGov.Infrastructure.Database;
using System.Collections.Concurrent;
using System.Diagnostics;
using GridGov.Features.Audit;
using GridGov.Features.Organization;
using GridGov.Features.Organization.Import;
using NetTopologySuite.Geometries;

namespace GridGov.Bench;

// Importing Nanjing, whole and in its parts (reading files, generating boundaries, the EF Core write),
// beside raw SQLite writing the very same rows.
static class ImportBench
{
    public static async Task RunAsync(Results results)
    {
        Console.Error.WriteLine($"import: whole, read, geometry, EF write, raw SQLite write; {results.Runs} runs each, in turns");
        var request = BenchDb.NanjingRequest;
        List<DivisionRow> rows = [];
        List<DistrictBoundary> boundaries = [];
        List<OrgUnit> units = [];
        // In this order within every turn: the later parts use what the earlier ones produced.
        var samples = await results.MeasureAsync(
            async () =>
            {
                await using var tmp = new BenchDb();
                var database = await tmp.MigratedAsync();
                var clock = Stopwatch.StartNew();
                await BenchDb.ImportAsync(database);
                return clock.Elapsed;
            },
            () => Task.FromResult(Results.Time(() =>
            {
                var report = new ImportReport();
                rows = DivisionFiles.Read(request.DivisionsDir, request.CityCode, report);
                boundaries = BoundaryFile.Read(request.BoundariesFile, report);
            })),
            () => Task.FromResult(Results.Time(() => units = Generate(rows, boundaries))),
            async () =>
            {
                await using var tmp = new BenchDb();
                var database = await tmp.MigratedAsync();
                var fresh = units.Select(Copy).ToList();
                await using var db = database.CreateUnscoped(AuditActor.System);
                var clock = Stopwatch.StartNew();
                db.AuditSummary = new AuditSummary("Import", nameof(OrgUnit), BenchDb.Nanjing.ToString(), OrgCode.Pad(BenchDb.Nanjing), "{}");
                db.OrgUnits.AddRange(fresh);
                await db.SaveChangesAsync();
                return clock.Elapsed;
            },
            async () =>
            {
                await using var tmp = new BenchDb();
                return RawSqlite.Insert(tmp.ConnectionString, units);
            });
        var (total, read, geometry, efWrite, raw) = (samples[0], samples[1], samples[2], samples[3], samples[4]);
        // What `gridgov import-city` sees: it runs once per process, with JIT and first queries included.
        results.Facts["import.total-cold-s"] = Math.Round(results.WarmUps[0], 3);

        var n = units.Count;
        double[] PerSecond(double[] seconds) => [.. seconds.Select(s => n / s)];
        results.Add("import.total", "s", total, "limit.sqlite-insert");
        results.Add("import.read-files", "s", read);
        results.Add("import.geometry", "s", geometry);
        results.Add("import.ef-write", "s", efWrite, "limit.sqlite-insert");
        results.Add("import.rows", "rows/s", PerSecond(total), "limit.sqlite-rows");
        results.Add("limit.sqlite-insert", "s", raw);
        results.Add("limit.sqlite-rows", "rows/s", PerSecond(raw));
        results.Facts["import.rows"] = n;
        results.Facts["import.grids"] = units.Count(u => u.Level == OrgLevel.Grid);
        results.Facts["import.boundary-mb"] = Math.Round(units.Sum(u => (long)(u.Boundary?.Length ?? 0)) / 1e6, 1);
    }

    // The generation part of ImportCity.RunAsync (and its MatchBoundaries), without the database.
    static List<OrgUnit> Generate(List<DivisionRow> rows, List<DistrictBoundary> boundaries)
    {
        var tree = new CityTree(rows, ImportCity.DefaultSeed);
        var byCode = boundaries.ToDictionary(b => b.Code);
        var districtGeometry = new Dictionary<long, Geometry>();
        foreach (var d in tree.Districts)
            if (byCode.TryGetValue(d.Code, out var b)) districtGeometry[d.Code] = b.Geometry;
        var units = new ConcurrentBag<OrgUnit>();
        Parallel.ForEach(tree.Districts, d => tree.Generate(d, districtGeometry.GetValueOrDefault(d.Code), units));
        units.Add(tree.CityUnit(districtGeometry.Values.ToList()));
        return [.. units.OrderBy(u => u.Code)];
    }

    static OrgUnit Copy(OrgUnit u) => new()
    {
        Code = u.Code, Name = u.Name, Level = u.Level, ParentCode = u.ParentCode, GridCode = u.GridCode,
        Boundary = u.Boundary, BoundaryGenerated = u.BoundaryGenerated,
        LabelLon = u.LabelLon, LabelLat = u.LabelLat, AreaKm2 = u.AreaKm2,
    };
}
