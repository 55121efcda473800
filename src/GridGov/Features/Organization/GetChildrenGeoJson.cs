using System.Text;
using System.Text.Json;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Organization;

// A unit's children as a GeoJSON FeatureCollection; the stored boundaries are already GeoJSON, so
// they are written through unparsed.
public sealed class GetChildrenGeoJson(GridDbContext db)
{
    public async Task<Result<string>> HandleAsync(long code, CancellationToken ct = default)
    {
        var unit = await db.OrgUnits.Where(u => u.Code == code).Select(u => new { u.Code, u.Name, u.Level, u.Boundary }).FirstOrDefaultAsync(ct);
        if (unit is null) return Result<string>.NotFound();
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
        return Result<string>.Ok(Encoding.UTF8.GetString(stream.ToArray()));
    }
}
