using System.Globalization;
using System.Text.Json;
using GridGov.Features.Registry.Codes;
using GridGov.Infrastructure.Crypto;
using GridGov.Infrastructure.Import;
using GridGov.Infrastructure.Text;

namespace GridGov.Features.Registry.People;

// A class's own fields in GB/T 31000-2015 (data/codes/gbt31000-class-fields.json): type C<n> (text of at
// most n characters), D (date), N<n> (n digits; N1 is 是/否); a code table whose names or codes are
// accepted; several codes for "multi" fields; ID and phone numbers of other people (a guardian, a
// helper) kept like a person's own: the masked form in the record, the SM4 ciphertext beside it.
public sealed record ClassField(int No, string Name, string Type, bool Required, string? Table, bool Multi, string? Secret);

public sealed class ClassFields
{
    // The key a field's ciphertext is kept under, next to its masked value.
    public const string CipherSuffix = "#密文";

    readonly Dictionary<string, List<ClassField>> byClass;

    public ClassFields() : this(Path.Combine(AppContext.BaseDirectory, "data", "codes", "gbt31000-class-fields.json")) { }

    public ClassFields(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
        byClass = doc.RootElement.GetProperty("classes").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.EnumerateArray().Select(f => new ClassField(
            f.GetProperty("no").GetInt32(), f.GetProperty("name").GetString()!, f.GetProperty("type").GetString()!, f.GetProperty("required").GetBoolean(),
            f.TryGetProperty("table", out var t) ? t.GetString() : null, f.TryGetProperty("multi", out var m) && m.GetBoolean(),
            f.TryGetProperty("secret", out var s) ? s.GetString() : null)).ToList());
    }

    // The standard's fields of a class; none for the local extensions (X01 …), which keep free notes.
    public IReadOnlyList<ClassField> Of(string classKey) => byClass.GetValueOrDefault(classKey) ?? [];

    public sealed record Checked(Dictionary<string, string> Fields, List<RowProblem> Problems, List<string> Missing);

    // Checks what a form or an import row gives for a class: unknown field names and bad values are
    // problems naming the field; mandatory fields left empty are listed (the record is still kept:
    // a grid worker rarely knows a 社区矫正人员编号 on the door step). `current` is the stored record, whose
    // values stay where the input says nothing.
    public Checked Check(string classKey, IReadOnlyDictionary<string, string> input, IReadOnlyDictionary<string, string>? current,
        CodeBook codes, PersonalData personal, DateOnly today)
    {
        var fields = Of(classKey).ToDictionary(f => f.Name);
        var result = new Dictionary<string, string>(current ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        var problems = new List<RowProblem>();
        foreach (var (rawName, rawValue) in input)
        {
            var name = rawName.Trim();
            var value = ImportCleaning.Value(rawValue ?? "");
            if (!fields.TryGetValue(name, out var f))
            {
                problems.Add(new(name, fields.Count == 0 ? "该类别没有国家标准规定的字段，请写在备注中" : "不是该类别在 GB/T 31000 中的字段"));
                continue;
            }
            if (value.Length == 0)
            {
                result.Remove(name);
                result.Remove(name + CipherSuffix);
                continue;
            }
            var (stored, error) = Value(f, value, codes, today);
            if (error is not null) { problems.Add(new(name, error)); continue; }
            if (f.Secret is not null)
            {
                result[name] = f.Secret == "phone" ? Phones.Mask(stored!) : IdNumbers.Mask(stored!);
                result[name + CipherSuffix] = personal.Encrypt(stored!);
            }
            else result[name] = stored!;
        }
        var missing = fields.Values.Where(f => f.Required && !result.ContainsKey(f.Name)).Select(f => f.Name).ToList();
        return new(result, problems, missing);
    }

    // In the standard's field order, so that the same content is always the same text.
    public string Serialize(Dictionary<string, string> fields, string classKey)
    {
        var order = Of(classKey).Select((f, i) => (f.Name, i)).ToDictionary(x => x.Name, x => x.i);
        return JsonSerializer.Serialize(fields.OrderBy(f => order.GetValueOrDefault(f.Key.Split('#')[0], int.MaxValue)).ThenBy(f => f.Key, StringComparer.Ordinal)
            .ToDictionary(f => f.Key, f => f.Value), Json);
    }

    static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // A number given again (a file imported twice) is encrypted with a new nonce and would look
    // changed: where it decrypts to the stored number, the stored ciphertext stays.
    public void KeepCiphers(Dictionary<string, string> fields, IReadOnlyDictionary<string, string> current, PersonalData personal)
    {
        foreach (var key in fields.Keys.Where(k => k.EndsWith(CipherSuffix, StringComparison.Ordinal)).ToList())
            if (current.TryGetValue(key, out var stored) && stored != fields[key] && personal.Decrypt(stored) == personal.Decrypt(fields[key]))
                fields[key] = stored;
    }

    static (string? Value, string? Error) Value(ClassField f, string value, CodeBook codes, DateOnly today)
    {
        if (f.Secret == "phone")
        {
            var (phone, error) = Phones.Normalize(value);
            return (phone, error);
        }
        if (f.Secret == "id" && f.Type == "C18")
        {
            var id = IdNumbers.Check(value, today);
            return id.Valid ? (id.Number, null) : (null, id.Error);
        }
        if (f.Table is { } tableName && codes.Find(tableName) is { } table)
        {
            var parts = f.Multi ? value.Split([',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [value];
            var resolved = parts.Select(p => (Text: p, Code: table.Resolve(p))).ToList();
            if (resolved.Any(r => r.Code is null)) return (null, $"“{resolved.First(r => r.Code is null).Text}”不是{tableName}代码表中的值");
            return (string.Join(",", resolved.Select(r => r.Code).Distinct()), null);
        }
        switch (f.Type[0])
        {
            case 'D':
                if (!DateOnly.TryParseExact(value, ["yyyy-MM-dd", "yyyyMMdd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    return (null, $"“{value}”不是日期（YYYY-MM-DD）");
                return (d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null);
            case 'N' when f.Type == "N1":
                return value switch
                {
                    "是" or "1" or "有" => ("1", null),
                    "否" or "0" or "无" => ("0", null),
                    _ => (null, $"应为 是 或 否，“{value}”不是"),
                };
            case 'N':
                var digits = int.Parse(f.Type[1..].Split(',')[0], CultureInfo.InvariantCulture);
                return value.Length <= digits && value.All(char.IsAsciiDigit) ? (value, null) : (null, $"应为不超过 {digits} 位的整数，“{value}”不是");
            default:
                var max = int.Parse(f.Type[1..], CultureInfo.InvariantCulture);
                return value.Length <= max ? (value, null) : (null, $"不能超过 {max} 个字（现为 {value.Length} 个）");
        }
    }
}
