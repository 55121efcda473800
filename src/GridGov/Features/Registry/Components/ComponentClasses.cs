using GridGov.Infrastructure.Files;

namespace GridGov.Features.Registry.Components;

public sealed record ComponentClass(string Code, string Name, string? Major)
{
    public bool IsMajor => Major is null;
    // The four digits of the class in an object code: C0101 → 0101.
    public string Digits => Code[1..];
}

// The component classes of GB/T 30428.2 as the category dictionary ships them (data/tickets/categories.csv,
// codes C01 公用设施 … C06 其他设施 and their minors C0101 上水井盖 …). Read from the file, not through
// Tickets (Registry and Tickets do not use each other), so that a component's class and a component
// ticket's category share their codes.
public sealed class ComponentClasses
{
    static readonly string[] Columns = ["code", "parent", "name", "kind"];
    readonly Dictionary<string, ComponentClass> byCode;
    readonly Dictionary<string, ComponentClass> byName;

    public ComponentClasses() : this(Path.Combine(AppContext.BaseDirectory, "data", "tickets", "categories.csv")) { }

    public ComponentClasses(string path)
    {
        using var reader = new StreamReader(path);
        All = DataCsv.Read(reader, Path.GetFileName(path), Columns, csv =>
        {
            var list = new List<ComponentClass>();
            while (csv.Read())
                if (csv.GetField("kind") == "Component" && csv.GetField("code") is { Length: 3 or 5 } code)
                    list.Add(new(code, csv.GetField("name") ?? code, csv.GetField("parent") is { Length: > 0 } p ? p : null));
            return list;
        });
        byCode = All.ToDictionary(c => c.Code);
        byName = All.Where(c => !c.IsMajor).GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First());
    }

    public IReadOnlyList<ComponentClass> All { get; }
    public IEnumerable<ComponentClass> Majors => All.Where(c => c.IsMajor);
    public IEnumerable<ComponentClass> MinorsOf(string major) => All.Where(c => c.Major == major);

    public ComponentClass? Find(string? code) => code is null ? null : byCode.GetValueOrDefault(code);

    public string? NameOf(string? code) => Find(code)?.Name;

    // A minor class by its code (C0101, or the four digits 0101) or its Chinese name (上水井盖).
    public ComponentClass? Resolve(string? text)
    {
        var t = text?.Trim() ?? "";
        if (t.Length == 4 && t.All(char.IsAsciiDigit)) t = "C" + t;
        var c = byCode.GetValueOrDefault(t.ToUpperInvariant()) ?? byName.GetValueOrDefault(t);
        return c is { IsMajor: false } ? c : null;
    }
}
