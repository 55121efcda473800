using System.Text.Json;

namespace GridGov.Infrastructure.Database;

// How one audited entity reads in the audit log: its Chinese name, a Chinese name for every column,
// the columns never recorded (secrets and noise), Chinese names of coded values, and how to turn
// record keys into readable names from current data.
public sealed class AuditEntity(string type, string name)
{
    // The CLR type's name, as AuditRecord.EntityType stores it ("AppUser", "IdentityUserRole`1").
    public string Type { get; } = type;
    public string Name { get; } = name;
    public Dictionary<string, string> Properties { get; init; } = [];
    public HashSet<string> Hidden { get; init; } = [];
    // Secrets whose change matters (a password): recorded as "已设置", never their value.
    public HashSet<string> Masked { get; init; } = [];
    // Column → stored value (an enum's name) → Chinese name.
    public Dictionary<string, Func<string, string?>> Values { get; init; } = [];
    // Record keys → readable object names; keys it does not answer (deleted rows) show as they are.
    public Func<GridDbContext, IReadOnlyCollection<string>, CancellationToken, Task<Dictionary<string, string>>>? Resolve { get; init; }
    // Text a person types for an object ("张三", a ticket number) → the record keys it names.
    public Func<GridDbContext, string, CancellationToken, Task<List<string>>>? Search { get; init; }
}

// A row computed from other rows (a rollup): its changes follow theirs, which the trail records, so it
// is not recorded itself.
public interface IDerivedRow;

// What an area tells the audit log about its entities. Found in the assembly like IModelPart, so
// this plumbing names no area (ADR 0012).
public abstract class AuditNames
{
    public abstract IEnumerable<AuditEntity> Entities();

    // Kinds of event the area writes itself (AuditSummary), with their Chinese names.
    public virtual IEnumerable<(string Action, string Name)> Actions() => [];
}

// All areas' audit names, and how a record's values read.
public static class AuditNaming
{
    static readonly AuditNames[] Areas = typeof(GridDbContext).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(AuditNames).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (AuditNames)Activator.CreateInstance(t, nonPublic: true)!)
        .ToArray();

    static readonly Dictionary<string, AuditEntity> ByType = Areas.SelectMany(a => a.Entities()).ToDictionary(e => e.Type, StringComparer.Ordinal);

    // The kinds every save and summary writes, then the areas' own.
    public static readonly IReadOnlyDictionary<string, string> ActionNames = new Dictionary<string, string>
    {
        ["Create"] = "新增", ["Update"] = "修改", ["Delete"] = "删除", ["Import"] = "导入", ["Export"] = "导出", ["Print"] = "打印", [AuditChain.KeyStartAction] = "启用密钥",
    }.Concat(Areas.SelectMany(a => a.Actions()).Select(a => KeyValuePair.Create(a.Action, a.Name))).ToDictionary();

    public static string ActionName(string action) => ActionNames.GetValueOrDefault(action, action);

    // Fields of the summaries plumbing writes (an export, the key start).
    static readonly Dictionary<string, string> Common = new()
    {
        ["rows"] = "行数", ["filter"] = "筛选条件", ["Algorithm"] = "算法", ["KeyId"] = "密钥编号", ["PreviousKeyId"] = "上一密钥编号",
        // What a print record says (a 办理单, door plates).
        ["sheet"] = "打印内容", ["bytes"] = "文件大小（字节）",
        // An import chunk's record (Infrastructure/Import).
        ["batch"] = "导入批次", ["file"] = "文件", ["from"] = "起始行", ["to"] = "结束行", ["inserted"] = "新增", ["updated"] = "更新", ["rejected"] = "未通过",
    };

    // Whether changes to this entity type are recorded at all (the chain's own rows are not).
    // Nor the client ids of writes: bookkeeping of the write they came with, which is recorded itself;
    // nor rows derived from audited ones (IDerivedRow).
    public static bool IsAudited(Type type) => type != typeof(AuditRecord) && type != typeof(AuditHead) && type != typeof(Web.ClientRequest)
        && !typeof(IDerivedRow).IsAssignableFrom(type);

    // Hidden everywhere, also for records written before an area declared them.
    static readonly HashSet<string> AlwaysHidden = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "NormalizedUserName",
        "NormalizedEmail", "NormalizedName"];

    public static IReadOnlyCollection<AuditEntity> All => ByType.Values;

    public static AuditEntity? Find(string type) => ByType.GetValueOrDefault(type);

    public static string EntityName(string type) => Find(type)?.Name ?? type;

    public static bool IsMasked(string type, string property) => Find(type)?.Masked.Contains(property) == true;

    public const string MaskedValue = "已设置";

    public static bool IsHidden(string type, string property) => !IsMasked(type, property)
        && (AlwaysHidden.Contains(property) || Find(type)?.Hidden.Contains(property) == true);

    public static string PropertyName(string type, string property) =>
        Find(type)?.Properties.GetValueOrDefault(property) ?? Common.GetValueOrDefault(property) ?? property;

    // A stored value as a person reads it: China time, 是/否, Chinese names of coded values.
    public static string Value(string type, string property, JsonElement value) => value.ValueKind switch
    {
        _ when IsMasked(type, property) => value.ValueKind == JsonValueKind.Null ? "—" : MaskedValue,
        JsonValueKind.Null or JsonValueKind.Undefined => "—",
        JsonValueKind.True => "是",
        JsonValueKind.False => "否",
        JsonValueKind.String => Text(type, property, value.GetString()!),
        _ => Find(type)?.Values.GetValueOrDefault(property)?.Invoke(value.GetRawText()) ?? value.GetRawText(),
    };

    static string Text(string type, string property, string text)
    {
        if (Find(type)?.Values.GetValueOrDefault(property)?.Invoke(text) is { } named) return named;
        // Times are stored UTC (ISO 8601 with Z or an offset); a bare date stays as it is.
        if (text.Length >= 19 && text[4] == '-' && text[10] == 'T'
            && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var at))
            return ChinaTime.Format(at.UtcDateTime);
        return text;
    }

    // The visible fields of a record's before/after JSON, in the area's order of names.
    public static List<(string Name, string Before, string After)> Fields(string type, string? before, string? after)
    {
        var b = Parse(before);
        var a = Parse(after);
        var order = Find(type)?.Properties.Keys.ToList() ?? [];
        return b.Keys.Union(a.Keys)
            .Where(k => !IsHidden(type, k))
            .OrderBy(k => order.IndexOf(k) is var i && i < 0 ? int.MaxValue : i).ThenBy(k => k, StringComparer.Ordinal)
            .Select(k => (PropertyName(type, k),
                b.TryGetValue(k, out var x) ? Value(type, k, x) : "",
                a.TryGetValue(k, out var y) ? Value(type, k, y) : ""))
            .ToList();
    }

    // "名称：值，…" of the after (or before) side, for a list row or an export cell.
    public static string Summary(string type, string? before, string? after, string? action = null)
    {
        var fields = Fields(type, before, after);
        return string.Join("；", fields.Select(f => action == "Update" ? $"{f.Name}：{f.Before} → {f.After}"
            : $"{f.Name}：{(after is null ? f.Before : f.After)}"));
    }

    static Dictionary<string, JsonElement> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                ? doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone())
                : new() { ["内容"] = doc.RootElement.Clone() };
        }
        catch (JsonException) { return new() { ["内容"] = JsonSerializer.SerializeToElement(json) }; }
    }

    // Readable names of the records' objects ("用户「张三（street）」"), from current data; the stored
    // key where the object is gone or its area names none.
    public static async Task<Dictionary<(string, string), string>> ObjectsAsync(GridDbContext db,
        IEnumerable<(string Type, string Key)> objects, CancellationToken ct)
    {
        var names = new Dictionary<(string, string), string>();
        foreach (var group in objects.Distinct().GroupBy(o => o.Type))
        {
            var keys = group.Select(o => o.Key).Where(k => k.Length > 0).ToList();
            var resolved = Find(group.Key)?.Resolve is { } resolve && keys.Count > 0 ? await resolve(db, keys, ct) : [];
            foreach (var (type, key) in group)
                names[(type, key)] = key.Length == 0 ? EntityName(type)
                    : $"{EntityName(type)}「{resolved.GetValueOrDefault(key) ?? key}」";
        }
        return names;
    }
}
