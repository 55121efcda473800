using System.Globalization;
using CsvHelper;
using GridGov.Infrastructure.Files;

namespace GridGov.Features.Tickets.Categories;

// Event and Component: the classes of GB/T 30428.2 (数字化城市管理信息系统 管理部件和事件);
// Governance: the grid-work classes (矛盾纠纷, 安全隐患 …) that the standard does not cover.
public enum CategoryKind { Event, Component, Governance }

public enum LimitUnit { Hours, Days }

// A deadline in working time: "2h" = 2 working hours, "1.5d" = 1.5 working days.
public readonly record struct Limit(double Amount, LimitUnit Unit)
{
    // A year of working days, or about half a year of working hours: anything longer is a typo.
    public const int MaxDays = 250, MaxHours = 1000;

    public static Limit Parse(string text) =>
        TryParse(text, out var limit, out var why) ? limit : throw new FormatException(why);

    public static bool TryParse(string? text, out Limit limit) => TryParse(text, out limit, out _);

    static bool TryParse(string? text, out Limit limit, out string why)
    {
        limit = default;
        var t = text?.Trim() ?? "";
        LimitUnit? unit = t.Length < 2 ? null : char.ToLowerInvariant(t[^1]) switch { 'h' => LimitUnit.Hours, 'd' => LimitUnit.Days, _ => null };
        // Digits and one point only: double.TryParse also takes "NaN" and "Infinity", which compare
        // false with every bound and would make every deadline of the class fail.
        var number = unit is null ? "" : t[..^1];
        if (unit is null || number.Length is 0 or > 8 || !number.All(c => char.IsAsciiDigit(c) || c == '.')
            || !double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || !double.IsFinite(amount))
        {
            why = $"时限“{text}”格式不对，应为数字加单位 h（工作小时）或 d（工作日），如 2h、1.5d、3d";
            return false;
        }
        var max = unit == LimitUnit.Hours ? MaxHours : MaxDays;
        if (amount <= 0 || amount > max)
        {
            why = $"时限“{text}”应大于 0 且不超过 {max}{(unit == LimitUnit.Hours ? "h" : "d")}";
            return false;
        }
        limit = new Limit(amount, unit.Value);
        why = "";
        return true;
    }

    public override string ToString() => Amount.ToString(CultureInfo.InvariantCulture) + (Unit == LimitUnit.Hours ? "h" : "d");

    // For people: "2 工作小时", "1.5 工作日".
    public string Text => Amount.ToString(CultureInfo.InvariantCulture) + (Unit == LimitUnit.Hours ? " 工作小时" : " 工作日");
}

// One row of data/tickets/categories.csv. Majors (code "E01") have no parent and no limits; minors
// ("E0101") name their major as parent and carry the limits, radius and department kind.
public sealed record CategoryRow(string Code, string? Parent, string Name, CategoryKind Kind, Limit? Accept, Limit? Dispatch,
    Limit? Handle, Limit? Verify, bool Urgent, int RadiusMeters, string? Department)
{
    public bool IsMinor => Parent is not null;
}

// Reads the category dictionary. Every error names the file, line and column, because the file is
// edited by hand when a city adapts the dictionary.
public static class CategoryFile
{
    static readonly string[] Columns = ["code", "parent", "name", "kind", "accept", "dispatch", "handle", "verify", "urgent", "radius_m", "department"];
    static readonly (string Column, string Name)[] LimitColumns = [("accept", "受理"), ("dispatch", "派遣"), ("handle", "处置"), ("verify", "核查")];

    // The department kinds seeded for every city (SeedDepartments).
    public static readonly IReadOnlySet<string> DepartmentKinds = new HashSet<string>
    {
        "城管", "公安", "民政", "人社", "卫健", "残联", "司法", "住建", "市场监管", "生态环境", "应急管理", "水务", "园林",
    };

    public static IReadOnlyList<CategoryRow> Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path));
    }

    public static IReadOnlyList<CategoryRow> Read(TextReader reader, string fileName) =>
        DataCsv.Read(reader, fileName, Columns, csv => ReadRows(csv, fileName));

    static List<CategoryRow> ReadRows(CsvReader csv, string fileName)
    {
        var header = csv.HeaderRecord!;
        var rows = new List<CategoryRow>();
        var seen = new Dictionary<string, (int Line, CategoryRow Row)>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            if (csv.Parser.Count != header.Length)
                throw DataCsv.Error(fileName, line, null, $"有 {csv.Parser.Count} 列，表头有 {header.Length} 列");
            string Field(string column) => csv.GetField(column) ?? "";
            FormatException Bad(string column, string why) => DataCsv.Error(fileName, line, column, why);

            var code = Field("code");
            var isMajor = code.Length == 3;
            if (!IsCode(code))
                throw Bad("code", $"代码“{code}”格式不对，应为 E（事件）、C（部件）或 G（治理）加两位大类号，如 E01；小类再加两位小类号，如 E0101");
            if (seen.TryGetValue(code, out var first))
                throw Bad("code", $"代码 {code} 重复（第 {first.Line} 行已有“{first.Row.Name}”）");

            var name = Field("name");
            if (name.Length is 0 or > 50)
                throw Bad("name", name.Length == 0 ? $"{code} 的名称为空" : $"{code} 的名称超过 50 字");

            var kindText = Field("kind");
            if (!Enum.TryParse<CategoryKind>(kindText, ignoreCase: false, out var kind) || kindText != kind.ToString())
                throw Bad("kind", $"类别“{kindText}”未知，应为 Event（事件）、Component（部件）或 Governance（治理）");
            var expected = code[0] switch { 'E' => CategoryKind.Event, 'C' => CategoryKind.Component, _ => CategoryKind.Governance };
            if (kind != expected)
                throw Bad("kind", $"代码 {code} 以 {code[0]} 开头，类别应为 {expected}，不是 {kindText}");

            var parentText = Field("parent");
            string? parent = null;
            if (isMajor)
            {
                if (parentText.Length > 0)
                    throw Bad("parent", $"{code} 是大类（三位代码），上级应为空，不是“{parentText}”");
            }
            else
            {
                var major = code[..3];
                if (parentText.Length == 0)
                    throw Bad("parent", $"小类 {code} 缺少上级，应为 {major}");
                if (parentText != major)
                    throw Bad("parent", $"小类 {code} 的上级应为 {major}（代码前三位），不是“{parentText}”");
                if (!seen.ContainsKey(major))
                    throw Bad("parent", $"上级 {major} 未在前面声明（大类行须写在它的小类之前）");
                parent = major;
            }

            var limits = new Limit?[LimitColumns.Length];
            for (var i = 0; i < LimitColumns.Length; i++)
            {
                var (column, what) = LimitColumns[i];
                var text = Field(column);
                if (isMajor)
                {
                    if (text.Length > 0) throw Bad(column, $"{code} 是大类，不设时限（{what}时限应为空，不是“{text}”）");
                    continue;
                }
                if (text.Length == 0)
                    throw Bad(column, $"小类 {code} 缺少{what}时限，应为如 2h（工作小时）或 3d（工作日）");
                if (!Limit.TryParse(text, out var limit))
                    throw Bad(column, $"{what}时限“{text}”格式不对，应为大于 0 的数字加单位 h（工作小时）或 d（工作日），如 2h、1.5d、3d");
                limits[i] = limit;
            }

            var urgentText = Field("urgent");
            bool urgent;
            if (urgentText.Equals("true", StringComparison.OrdinalIgnoreCase)) urgent = true;
            else if (urgentText.Equals("false", StringComparison.OrdinalIgnoreCase) || (isMajor && urgentText.Length == 0)) urgent = false;
            else throw Bad("urgent", $"“{urgentText}”无效，应为 true（默认紧急）或 false");

            var radiusText = Field("radius_m");
            var radius = 0;
            if ((!isMajor || radiusText.Length > 0)
                && (!int.TryParse(radiusText, NumberStyles.None, CultureInfo.InvariantCulture, out radius) || radius <= 0 || radius > 100_000))
                throw Bad("radius_m", $"查重半径“{radiusText}”应为正整数（米），如 50");

            var departmentText = Field("department");
            string? department = departmentText.Length == 0 ? null : departmentText;
            if (department is null && !isMajor)
                throw Bad("department", $"小类 {code} 缺少默认责任部门类型，应为 {string.Join("、", DepartmentKinds)} 之一");
            if (department is not null && !DepartmentKinds.Contains(department))
                throw Bad("department", $"部门类型“{department}”未知，应为 {string.Join("、", DepartmentKinds)} 之一");

            var row = new CategoryRow(code, parent, name, kind, limits[0], limits[1], limits[2], limits[3], urgent, radius, department);
            seen[code] = (line, row);
            rows.Add(row);
        }
        return rows;
    }

    // "E01" … "G99" for majors, "E0101" … for minors; number 00 is not a class.
    static bool IsCode(string code) =>
        code.Length is 3 or 5 && code[0] is 'E' or 'C' or 'G' && code.Skip(1).All(char.IsAsciiDigit)
        && code[1..3] != "00" && (code.Length == 3 || code[3..5] != "00");
}
