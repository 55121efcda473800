using System.Text.Json;

namespace GridGov.Features.Registry.Codes;

public sealed record CodeItem(string Code, string Name);

public sealed record CodeTable(string Name, string Source, IReadOnlyList<CodeItem> Items)
{
    readonly Dictionary<string, string> byCode = Items.GroupBy(i => i.Code).ToDictionary(g => g.Key, g => g.First().Name);
    readonly Dictionary<string, string> byName = Items.GroupBy(i => i.Name).ToDictionary(g => g.Key, g => g.First().Code);

    public string? NameOf(string? code) => code is null ? null : byCode.GetValueOrDefault(code);

    // What a person typed in a file: the code itself, or its name ("汉族", "汉" for 民族 too).
    public string? Resolve(string text)
    {
        if (byCode.ContainsKey(text)) return text;
        if (byName.TryGetValue(text, out var code)) return code;
        if (byName.TryGetValue(text + "族", out code)) return code;
        return null;
    }
}

// The national code tables shipped in data/codes (GB/T 31000-2015 and the general tables its fields
// use), by their Chinese names. Codes stay strings ("01" is not 1).
public sealed class CodeBook
{
    public const string Gender = "性别", Marital = "婚姻状况", Relation = "家庭关系", Ethnicity = "民族", Political = "政治面貌";

    readonly Dictionary<string, CodeTable> tables;

    public CodeBook() : this(Path.Combine(AppContext.BaseDirectory, "data", "codes")) { }

    public CodeBook(string folder)
    {
        tables = [];
        using (var standard = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "gbt31000-code-tables.json"))))
            foreach (var t in standard.RootElement.GetProperty("tables").EnumerateObject())
                tables[t.Name] = new(t.Name, "GB/T 31000-2015 " + t.Value.GetProperty("section").GetString(),
                    [.. t.Value.GetProperty("items").EnumerateArray().Select(i => new CodeItem(i.GetProperty("code").GetString()!, i.GetProperty("name").GetString()!))]);
        using var reference = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "reference-code-tables.json")));
        foreach (var t in reference.RootElement.EnumerateObject().Where(t => t.Value.ValueKind == JsonValueKind.Object && t.Value.TryGetProperty("items", out _)))
        {
            // "GB/T 3304 民族(数字码)" → 民族
            var space = t.Name.LastIndexOf(' ');
            var name = t.Name[(space + 1)..].Split('(')[0];
            tables[name] = new(name, t.Name[..space],
                [.. t.Value.GetProperty("items").EnumerateArray().Select(i => new CodeItem(i[0].GetString()!, i[1].GetString()!))]);
        }
    }

    public IReadOnlyCollection<CodeTable> Tables => tables.Values;

    public CodeTable this[string name] => tables.TryGetValue(name, out var t) ? t : throw new KeyNotFoundException($"No code table {name}");

    public CodeTable? Find(string name) => tables.GetValueOrDefault(name);
}
