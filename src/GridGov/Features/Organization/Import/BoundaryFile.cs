using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.IO.Converters;

namespace GridGov.Features.Organization.Import;

public sealed record DistrictBoundary(long Code, string Name, Geometry Geometry, int Index);

// Reads district boundaries from a GeoJSON FeatureCollection: `id` = 6-digit district code,
// properties.name. The envelope is read with JsonDocument (exact error positions, any id type);
// each geometry goes through NetTopologySuite's GeoJSON converter.
static class BoundaryFile
{
    public static readonly JsonSerializerOptions GeoJson = CreateOptions();

    static JsonSerializerOptions CreateOptions()
    {
        var o = new JsonSerializerOptions();
        o.Converters.Add(new GeoJsonConverterFactory(NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(4326)));
        return o;
    }

    public static List<DistrictBoundary> Read(string path, ImportReport report)
    {
        var file = Path.GetFileName(path);
        var result = new List<DistrictBoundary>();
        if (!File.Exists(path)) { report.Error(file, null, $"文件不存在（{path}）"); return result; }
        JsonDocument doc;
        try
        {
            // The stream overload skips a UTF-8 byte-order mark, which Windows tools like to write.
            using var stream = File.OpenRead(path);
            doc = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            report.Error(file, e.LineNumber is { } l ? (int)l + 1 : null, $"不是有效的 JSON：{e.Message}");
            return result;
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.GetString() != "FeatureCollection"
                || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                report.Error(file, null, "不是 GeoJSON FeatureCollection（缺少 type=FeatureCollection 或 features 数组）");
                return result;
            }
            var seen = new HashSet<long>();
            var repaired = new List<string>();
            var i = 0;
            foreach (var f in features.EnumerateArray())
                if (ReadFeature(f, ++i, file, report, seen, repaired) is { } b) result.Add(b);
            // Published outlines are quantised and touch themselves: expected, repaired, nothing for the
            // operator to do — so a note that says so, not a warning that reads like a fault.
            if (repaired.Count > 0)
                report.Notes.Add($"{Path.GetFileName(file)}：已按坐标精度规整 {repaired.Count} 个区县的边界线（公开数据的坐标经过取整，个别边界线会与自身相接，属正常情况，无需处理）：{string.Join("、", repaired)}");
        }
        return result;
    }

    static DistrictBoundary? ReadFeature(JsonElement f, int index, string file, ImportReport report, HashSet<long> seen, List<string> repaired)
    {
        var where = $"第 {index} 个要素";
        var idText = f.ValueKind == JsonValueKind.Object && f.TryGetProperty("id", out var id)
            ? id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText() : null;
        if (!OrgCode.TryParse(idText, OrgLevel.District, out var code)) { report.Error(file, null, $"{where}的 id“{idText}”不是 6 位区县代码"); return null; }
        if (!seen.Add(code)) { report.Error(file, null, $"{where}：区县代码 {code} 重复"); return null; }
        var name = f.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object
            && props.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() ?? "" : "";

        Geometry? geometry = null;
        string? problem = null;
        try
        {
            geometry = f.TryGetProperty("geometry", out var g) && g.ValueKind == JsonValueKind.Object ? g.Deserialize<Geometry>(GeoJson) : null;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            problem = e.Message;
        }
        if (geometry is not (Polygon or MultiPolygon) || geometry.IsEmpty)
        {
            report.Error(file, null, $"{where}（{code} {name}）的几何无效：{problem ?? $"类型为 {geometry?.GeometryType ?? "空"}，应为 Polygon 或 MultiPolygon"}");
            return null;
        }
        if (!geometry.IsValid)
        {
            geometry = GeometryFixer.Fix(geometry);
            repaired.Add(name.Length > 0 ? name : code.ToString());
        }
        return new DistrictBoundary(code, name, geometry, index);
    }
}
