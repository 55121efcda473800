using System.Text.Json;
using GridGov.Features.Organization.Import;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Spatial;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace GridGov.Features.Organization;

public sealed record PlaceName(long Code, string Name, OrgLevel Level);

// What every area asks of the city's tree (DESIGN.md §3 "Organization offers places"): which grid a
// point lies in, which grids are near it, what a unit is called and where it sits, what it looks
// like. Where a place is and what it is called are no secret: these answer for the whole city,
// whoever asks, so no caller ever switches the data-scope filter off for them. The spatial index
// and all names are built on first use and kept in memory (about a microsecond per point); an
// import in this process drops them (Invalidate). Code arithmetic is OrgCode's (plumbing).
public sealed class Places(GridDatabase database)
{
    readonly SemaphoreSlim gate = new(1, 1);
    volatile Loaded? loaded;

    sealed record Loaded(GridLocator Locator, Dictionary<long, string> Names, Dictionary<long, List<PlaceName>> Children);

    // The grid that covers the point, or null outside every grid.
    public async ValueTask<long?> GridAtAsync(double lon, double lat, CancellationToken ct = default) =>
        (await LoadAsync(ct)).Locator.Locate(lon, lat);

    // Grids whose outline meets the box, in code order.
    public async ValueTask<List<long>> GridsNearAsync(double minLon, double minLat, double maxLon, double maxLat, CancellationToken ct = default) =>
        (await LoadAsync(ct)).Locator.Near(minLon, minLat, maxLon, maxLat);

    public async ValueTask<string?> NameAsync(long code, CancellationToken ct = default) =>
        (await LoadAsync(ct)).Names.GetValueOrDefault(code);

    // The unit and the units above it, city first: 南京市 › 玄武区 › 梅园新村街道 › ….
    public async ValueTask<List<PlaceName>> PathAsync(long code, CancellationToken ct = default)
    {
        var names = (await LoadAsync(ct)).Names;
        var path = new List<PlaceName>();
        for (long? c = code; c is { } at; c = OrgCode.Parent(at))
            if (names.TryGetValue(at, out var name) && OrgCode.LevelOf(at) is { } level) path.Insert(0, new(at, name, level));
        return path;
    }

    // The units one level below, in code order (a grid has none).
    public async ValueTask<IReadOnlyList<PlaceName>> ChildrenAsync(long code, CancellationToken ct = default) =>
        (await LoadAsync(ct)).Children.GetValueOrDefault(code) ?? [];

    // A unit's outline as GeoJSON geometry (WGS84), or null if it has none.
    public async Task<string?> BoundaryAsync(long code, CancellationToken ct = default)
    {
        await using var db = database.CreateUnscoped(AuditActor.System);
        return await db.OrgUnits.AsNoTracking().Where(u => u.Code == code).Select(u => u.Boundary).FirstOrDefaultAsync(ct);
    }

    // The codes of the units with this name (names repeat across districts: 新村社区 …).
    public async ValueTask<List<long>> CodesNamedAsync(string name, CancellationToken ct = default) =>
        [.. (await LoadAsync(ct)).Names.Where(n => n.Value == name).Select(n => n.Key)];

    // A unit's outline as a geometry (WGS84), or null if it has none.
    public async Task<Geometry?> ShapeAsync(long code, CancellationToken ct = default) =>
        await BoundaryAsync(code, ct) is { } json ? JsonSerializer.Deserialize<Geometry>(json, BoundaryFile.GeoJson) : null;

    // The index itself, for code that asks many points in a row (benchmarks, generators).
    public async ValueTask<GridLocator> LocatorAsync(CancellationToken ct = default) => (await LoadAsync(ct)).Locator;

    public void Invalidate() => loaded = null;

    async ValueTask<Loaded> LoadAsync(CancellationToken ct)
    {
        if (loaded is { } ready) return ready;
        await gate.WaitAsync(ct);
        try
        {
            if (loaded is { } built) return built;
            await using var db = database.CreateUnscoped(AuditActor.System);
            var rows = await db.OrgUnits.Where(u => u.Level == OrgLevel.Grid && u.Boundary != null)
                .Select(u => new { u.Code, u.Boundary }).ToListAsync(ct);
            var grids = rows.Select(r => (r.Code, JsonSerializer.Deserialize<Geometry>(r.Boundary!, BoundaryFile.GeoJson)!));
            var units = await db.OrgUnits.Select(u => new { u.Code, u.Name, u.Level, u.ParentCode }).ToListAsync(ct);
            var names = units.ToDictionary(u => u.Code, u => u.Name);
            var children = units.Where(u => u.ParentCode is not null).OrderBy(u => u.Code)
                .GroupBy(u => u.ParentCode!.Value).ToDictionary(g => g.Key, g => g.Select(u => new PlaceName(u.Code, u.Name, u.Level)).ToList());
            return loaded = new(new GridLocator(grids), names, children);
        }
        finally { gate.Release(); }
    }
}
