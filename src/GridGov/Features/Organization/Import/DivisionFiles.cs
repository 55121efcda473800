using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace GridGov.Features.Organization.Import;

public sealed record DivisionRow(long Code, string Name, long ParentCode, OrgLevel Level, string File, int Line);

// Reads one city out of China's division CSVs (the national files' format: cities.csv, areas.csv,
// streets.csv, villages.csv) and checks every row that belongs to the city.
static class DivisionFiles
{
    sealed record Spec(string File, OrgLevel Level, string ParentColumn);

    static readonly Spec[] Specs =
    [
        new("cities.csv", OrgLevel.City, "provinceCode"),
        new("areas.csv", OrgLevel.District, "cityCode"),
        new("streets.csv", OrgLevel.Street, "areaCode"),
        new("villages.csv", OrgLevel.Community, "streetCode"),
    ];

    public static List<DivisionRow> Read(string dir, long cityCode, ImportReport report)
    {
        var rows = new List<DivisionRow>();
        var known = new Dictionary<long, DivisionRow>();
        foreach (var spec in Specs)
        {
            var path = Path.Combine(dir, spec.File);
            if (!File.Exists(path)) { report.Error(spec.File, null, $"文件不存在（{path}）"); continue; }
            ReadFile(path, spec, cityCode, report, rows, known);
        }
        if (report.Succeeded && !known.ContainsKey(cityCode))
            report.Error("cities.csv", null, $"没有城市代码 {cityCode}");
        return rows;
    }

    static void ReadFile(string path, Spec spec, long cityCode, ImportReport report, List<DivisionRow> rows, Dictionary<long, DivisionRow> known)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null };
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null) { report.Error(spec.File, 1, "文件为空，缺少表头"); return; }
        var need = spec.Level == OrgLevel.City ? new[] { "code", "name", spec.ParentColumn } : ["code", "name", spec.ParentColumn, "cityCode"];
        var missing = need.Where(c => !csv.HeaderRecord.Contains(c)).ToList();
        if (missing.Count > 0) { report.Error(spec.File, 1, $"缺少列 {string.Join("、", missing)}（表头为 {string.Join(",", csv.HeaderRecord)}）"); return; }

        var cityText = cityCode.ToString(CultureInfo.InvariantCulture);
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            // A short line cannot even say which city it belongs to: it is an error, never skipped unseen.
            if (csv.Parser.Count < csv.HeaderRecord.Length)
            {
                if (csv.Parser.Record is { } r && r.Any(v => v.Trim().Length > 0))
                    report.Error(spec.File, line, $"只有 {csv.Parser.Count} 列，应有 {csv.HeaderRecord.Length} 列（{string.Join(",", csv.HeaderRecord)}）");
                continue;
            }
            var codeText = csv.GetField("code")?.Trim() ?? "";
            var belongs = spec.Level == OrgLevel.City ? codeText == cityText : csv.GetField("cityCode")?.Trim() == cityText;
            if (!belongs) continue;
            var name = csv.GetField("name")?.Trim() ?? "";
            var parentText = csv.GetField(spec.ParentColumn)?.Trim() ?? "";
            if (!OrgCode.TryParse(codeText, spec.Level, out var code))
            {
                report.Error(spec.File, line, $"代码“{codeText}”无效：{OrgCode.LevelName(spec.Level)}代码应为 {OrgCode.Digits(spec.Level)} 位数字");
                continue;
            }
            if (name.Length == 0) { report.Error(spec.File, line, $"代码 {code} 的名称为空"); continue; }
            if (name.Length > 100) { report.Error(spec.File, line, $"代码 {code} 的名称超过 100 字"); continue; }
            if (known.TryGetValue(code, out var first))
            {
                report.Error(spec.File, line, $"代码 {code} 重复（第 {first.Line} 行已有“{first.Name}”）");
                continue;
            }
            long parent = 0;
            if (spec.Level != OrgLevel.City)
            {
                if (!long.TryParse(parentText, NumberStyles.None, CultureInfo.InvariantCulture, out parent) || !known.ContainsKey(parent))
                {
                    report.Error(spec.File, line, $"“{name}”（{code}）的上级 {spec.ParentColumn}={parentText} 不存在");
                    continue;
                }
                if (OrgCode.Parent(code) != parent)
                {
                    report.Error(spec.File, line, $"“{name}”的代码 {code} 与上级代码 {parent} 不符（应以上级代码开头）");
                    continue;
                }
            }
            var row = new DivisionRow(code, name, parent, spec.Level, spec.File, line);
            known[code] = row;
            rows.Add(row);
        }
    }
}
