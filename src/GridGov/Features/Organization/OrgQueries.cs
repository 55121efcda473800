using System.Text;
using System.Text.Json;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Organization;

public sealed record OrgUnitDto(long Code, string Name, OrgLevel Level, string LevelName, long? ParentCode,
    int ChildCount, double AreaKm2, double LabelLon, double LabelLat, bool HasBoundary, bool BoundaryGenerated);

public sealed record OrgCounts(long Code, int Districts, int Streets, int Communities, int Grids)
{
    // The counts worth showing under a unit of this level: only the levels below it.
    public IEnumerable<(string Label, int Value)> Below(OrgLevel level)
    {
        if (level < OrgLevel.District) yield return ("区县", Districts);
        if (level < OrgLevel.Street) yield return ("街道（镇）", Streets);
        if (level < OrgLevel.Community) yield return ("社区（村）", Communities);
        if (level < OrgLevel.Grid) yield return ("网格", Grids);
    }
}

// Read side of the org tree, shared by the area's query use cases (ListOrgRoots, GetOrgUnit …) and by
// other areas' reads; every query goes through the data-scope filter of the context, so a unit outside
// the caller's scope is simply not found.
public static class OrgQueries
{
    static IQueryable<OrgUnitDto> Project(GridDbContext db, IQueryable<OrgUnit> units) =>
        units.Select(u => new OrgUnitDto(u.Code, u.Name, u.Level, "", u.ParentCode,
            db.Set<OrgUnit>().Count(c => c.ParentCode == u.Code), u.AreaKm2, u.LabelLon, u.LabelLat,
            u.Boundary != null, u.BoundaryGenerated));

    static OrgUnitDto Named(OrgUnitDto d) => d with { LevelName = OrgCode.LevelName(d.Level) };

    public static async Task<OrgUnitDto?> GetAsync(GridDbContext db, long code, CancellationToken ct = default) =>
        (await Project(db, db.OrgUnits.Where(u => u.Code == code)).FirstOrDefaultAsync(ct)) is { } d ? Named(d) : null;

    public static async Task<List<OrgUnitDto>> ChildrenAsync(GridDbContext db, long code, CancellationToken ct = default) =>
        (await Project(db, db.OrgUnits.Where(u => u.ParentCode == code).OrderBy(u => u.Code)).ToListAsync(ct))
            .Select(Named).ToList();

    // The tops of what the caller sees: units whose parent is not visible to them.
    public static async Task<List<OrgUnitDto>> RootsAsync(GridDbContext db, CancellationToken ct = default) =>
        (await Project(db, db.OrgUnits
                .Where(u => u.ParentCode == null || !db.Set<OrgUnit>().Any(p => p.Code == u.ParentCode))
                .OrderBy(u => u.Code)).ToListAsync(ct))
            .Select(Named).ToList();

    // The parents from the top of the caller's view down to the unit (for breadcrumbs).
    public static async Task<List<OrgUnitDto>> PathAsync(GridDbContext db, long code, CancellationToken ct = default)
    {
        var path = new List<OrgUnitDto>();
        for (long? c = code; c is { } current && await GetAsync(db, current, ct) is { } unit; c = unit.ParentCode)
            path.Insert(0, unit);
        return path;
    }

    public static async Task<OrgCounts?> CountsAsync(GridDbContext db, long code, CancellationToken ct = default)
    {
        if (!await db.OrgUnits.AnyAsync(u => u.Code == code, ct)) return null;
        var (from, to) = OrgCode.Subtree(code);
        var byLevel = await db.OrgUnits.Where(u => u.GridCode >= from && u.GridCode <= to && u.Code != code)
            .GroupBy(u => u.Level).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(OrgLevel l) => byLevel.FirstOrDefault(x => x.Key == l)?.Count ?? 0;
        return new OrgCounts(code, Of(OrgLevel.District), Of(OrgLevel.Street), Of(OrgLevel.Community), Of(OrgLevel.Grid));
    }

    // The unit's children as a GeoJSON FeatureCollection; the stored boundaries are already GeoJSON,
    // so they are written through unparsed.
    public static async Task<string?> ChildrenGeoJsonAsync(GridDbContext db, long code, CancellationToken ct = default)
    {
        var unit = await db.OrgUnits.Where(u => u.Code == code).Select(u => new { u.Code, u.Name, u.Level, u.Boundary }).FirstOrDefaultAsync(ct);
        if (unit is null) return null;
        var children = await db.OrgUnits.Where(u => u.ParentCode == code).OrderBy(u => u.Code)
            .Select(u => new { u.Code, u.Name, u.Level, u.Boundary, u.BoundaryGenerated, Children = db.Set<OrgUnit>().Count(c => c.ParentCode == u.Code) })
            .ToListAsync(ct);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartObject("parent");
            w.WriteNumber("code", unit.Code);
            w.WriteString("name", unit.Name);
            w.WriteString("level", unit.Level.ToString());
            w.WritePropertyName("geometry");
            if (unit.Boundary is null) w.WriteNullValue(); else w.WriteRawValue(unit.Boundary, skipInputValidation: true);
            w.WriteEndObject();
            w.WriteStartArray("features");
            foreach (var c in children)
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WriteString("id", c.Code.ToString());
                w.WriteStartObject("properties");
                w.WriteNumber("code", c.Code);
                w.WriteString("name", c.Name);
                w.WriteString("level", c.Level.ToString());
                w.WriteString("levelName", OrgCode.LevelName(c.Level));
                w.WriteNumber("children", c.Children);
                w.WriteBoolean("generated", c.BoundaryGenerated);
                w.WriteEndObject();
                w.WritePropertyName("geometry");
                if (c.Boundary is null) w.WriteNullValue(); else w.WriteRawValue(c.Boundary, skipInputValidation: true);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
