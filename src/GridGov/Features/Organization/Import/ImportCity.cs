using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Spatial;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace GridGov.Features.Organization.Import;

public sealed record ImportCityRequest(long CityCode, string DivisionsDir, string BoundariesFile, int Seed = ImportCity.DefaultSeed);

// `gridgov import-city`: the org tree of one city from the division CSVs and district boundaries,
// with street, community and grid boundaries generated inside the districts. Everything is checked
// first and written in one transaction, so a failed import changes nothing.
public sealed class ImportCity(GridDatabase database, Places places)
{
    public const int DefaultSeed = 20260101;

    public async Task<ImportReport> RunAsync(ImportCityRequest request, AuditActor actor, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var report = new ImportReport();
        var rows = DivisionFiles.Read(request.DivisionsDir, request.CityCode, report);
        var boundaries = BoundaryFile.Read(request.BoundariesFile, report);
        if (!report.Succeeded) return report;

        await using var db = database.CreateUnscoped(actor);
        if (await db.OrgUnits.AnyAsync(u => u.Code == request.CityCode, ct))
        {
            report.Error("数据库", null, $"城市 {request.CityCode} 已经导入，未做任何更改");
            return report;
        }

        var tree = new CityTree(rows, request.Seed);
        var districtGeometry = MatchBoundaries(tree, boundaries, Path.GetFileName(request.BoundariesFile), report);
        var units = new ConcurrentBag<OrgUnit>();
        Parallel.ForEach(tree.Districts, d => tree.Generate(d, districtGeometry.GetValueOrDefault(d.Code), units));
        var city = tree.CityUnit(districtGeometry.Values.ToList());
        units.Add(city);

        foreach (var g in units.GroupBy(u => u.Level).OrderBy(g => g.Key))
            report.Counts[g.Key] = g.Count();
        db.AuditSummary = new AuditSummary("Import", nameof(OrgUnit), request.CityCode.ToString(), city.GridCode,
            JsonSerializer.Serialize(report.Counts.ToDictionary(c => c.Key.ToString(), c => c.Value)));
        db.OrgUnits.AddRange(units.OrderBy(u => u.Code));
        await db.SaveChangesAsync(ct);
        // New grids and names: this process's index of places is rebuilt on its next question.
        places.Invalidate();
        report.Elapsed = clock.Elapsed;
        return report;
    }

    // Pairs each district with its boundary and reports every mismatch between the two sources.
    static Dictionary<long, Geometry> MatchBoundaries(CityTree tree, List<DistrictBoundary> boundaries, string file, ImportReport report)
    {
        var byCode = boundaries.ToDictionary(b => b.Code);
        var result = new Dictionary<long, Geometry>();
        foreach (var d in tree.Districts)
        {
            if (byCode.TryGetValue(d.Code, out var b))
            {
                result[d.Code] = b.Geometry;
                if (b.Name.Length > 0 && b.Name != d.Name)
                    report.Warn(file, null, $"区县 {d.Code} 在边界数据中名为“{b.Name}”，在行政区划中名为“{d.Name}”；采用行政区划名称");
                continue;
            }
            report.Warn(d.File, d.Line, $"区县 {d.Code} {d.Name} 没有边界数据");
            report.Notes.Add($"{d.Name}（{d.Code}）：已导入其 {tree.ChildCount(d.Code)} 个街道及下属社区、网格的名称和代码，但没有生成边界，地图上不显示"
                + "。取得边界后可重新导入。");
        }
        foreach (var b in boundaries.Where(b => !tree.Contains(b.Code)))
            report.Warn(file, null, $"第 {b.Index} 个要素：区县 {b.Code} {b.Name} 不在行政区划中，未导入");
        return result;
    }
}
