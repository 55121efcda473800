using System.Globalization;
using GridGov.Features.Registry.Codes;
using GridGov.Infrastructure.Import;
using GridGov.Infrastructure.Text;

namespace GridGov.Features.Registry.Units;

// A unit's fields as checked values: what a form or an import row turns into before it is written.
// The credit code upper-cased, numbers of people checked and normalised (still in clear: the writer
// hashes, encrypts and masks them), coded fields as codes, the address still as text or an id.
public sealed record UnitDraft(UnitKind Kind, string Name, string? CreditCode, string? Category, long? AddressId, string Address, string? Community,
    long? GridCode, string? Phone, int? Employees, string? LegalRepName, string LegalRepIdType, string? LegalRepIdNumber, string? LegalRepPhone,
    string? SecurityName, string? SecurityPhone, bool Hazardous, string? HazardType, string? Attention, bool HasPartyOrg, int? PartyMembers,
    SortedDictionary<string, string>? Fields);

// The rules of a unit, by the Chinese field names users see (import headers, form labels).
public static class UnitCheck
{
    public const string Kind = "单位类型", Name = "单位名称", CreditCode = "统一社会信用代码", Category = "单位类别", AddressId = "标准地址",
        Address = "单位地址", Community = "所属社区", GridCode = "网格编码", Phone = "单位电话", Employees = "员工数", LegalRepName = "法定代表人",
        LegalRepIdType = "法定代表人证件类型", LegalRepIdNumber = "法定代表人证件号码", LegalRepPhone = "法定代表人电话", SecurityName = "治保负责人",
        SecurityPhone = "治保负责人电话", Hazardous = "危化企业", HazardType = "安全隐患类型", Attention = "关注程度", HasPartyOrg = "有党组织",
        PartyMembers = "党员数", Fields = "其他信息";

    // GA/T 517 居民身份证: the only document whose number the national check applies to.
    public const string IdCard = "111";

    public static (UnitDraft Draft, List<RowProblem> Problems) Check(Func<string, string> field, IReadOnlyDictionary<string, string>? fields,
        long? addressId, CodeBook codes, DateOnly today)
    {
        var problems = new List<RowProblem>();
        string? Optional(string f, int max)
        {
            var v = field(f);
            if (v.Length == 0) return null;
            if (v.Length > max) problems.Add(new(f, $"不能超过 {max} 个字（现为 {v.Length} 个）"));
            return v;
        }
        string? Coded(string f, string? table)
        {
            var v = field(f);
            if (v.Length == 0) return null;
            if (table is null) { problems.Add(new(f, "该类型的单位不填写类别")); return null; }
            var code = codes[table].Resolve(v);
            if (code is null) problems.Add(new(f, $"“{v}”不是{table}代码表中的值（{string.Join("、", codes[table].Items.Select(i => i.Name))}）"));
            return code;
        }
        int? Count(string f)
        {
            var v = field(f);
            if (v.Length == 0) return null;
            if (int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 999_999) return n;
            problems.Add(new(f, $"应为 0–999999 的整数，“{v}”不是"));
            return null;
        }
        bool YesNo(string f)
        {
            var v = field(f);
            if (v is "" or "否" or "无" or "0" or "false" or "False") return false;
            if (v is "是" or "有" or "1" or "true" or "True") return true;
            problems.Add(new(f, $"应为“是”或“否”，“{v}”不是"));
            return false;
        }
        string? PhoneOf(string f)
        {
            var v = field(f);
            if (v.Length == 0) return null;
            var (p, error) = Phones.Normalize(v);
            if (p is null) problems.Add(new(f, error!));
            return p;
        }

        var kindText = field(Kind);
        var kind = UnitStandard.KindNamed(kindText);
        if (kind is null)
            problems.Add(new(Kind, kindText.Length == 0 ? "必填（非公有制经济组织、社会组织、机关、事业单位或个体工商户）"
                : $"“{kindText}”应为非公有制经济组织、社会组织、机关、事业单位或个体工商户"));
        var name = field(Name);
        if (name.Length == 0) problems.Add(new(Name, "必填"));
        else if (name.Length > 100) problems.Add(new(Name, $"不能超过 100 个字（现为 {name.Length} 个）"));
        string? credit = null;
        if (field(CreditCode) is { Length: > 0 } creditText)
        {
            var (c, error) = CreditCodes.Check(creditText);
            if (c is null) problems.Add(new(CreditCode, error!));
            credit = c;
        }
        else if (kind is UnitKind.Enterprise or UnitKind.SocialOrganisation) problems.Add(new(CreditCode, "必填（非公有制经济组织和社会组织须有统一社会信用代码）"));
        var category = kind is { } k ? Coded(Category, UnitStandard.CategoryTable(k)) : null;
        if (category is null && kind is UnitKind.IndividualBusiness) category = "03";
        if (category is null && kind is UnitKind.Enterprise or UnitKind.SocialOrganisation && !problems.Any(p => p.Field == Category))
            problems.Add(new(Category, $"必填（{UnitStandard.CategoryTable(kind.Value)}）"));

        long? grid = null;
        var gridText = field(GridCode);
        if (gridText.Length > 0)
        {
            if (gridText.Length == 15 && long.TryParse(gridText, NumberStyles.None, CultureInfo.InvariantCulture, out var g)) grid = g;
            else problems.Add(new(GridCode, $"应为 15 位网格编码，“{gridText}”不是"));
        }
        var address = field(Address);
        if (address.Length > 200) problems.Add(new(Address, $"不能超过 200 个字（现为 {address.Length} 个）"));

        var idType = field(LegalRepIdType) is { Length: > 0 } t ? t : IdCard;
        if (idType.Length != 3 || !idType.All(char.IsAsciiDigit)) problems.Add(new(LegalRepIdType, $"应为 3 位证件代码（GA/T 517，居民身份证为 111），“{idType}”不是"));
        string? idNumber = null;
        if (field(LegalRepIdNumber) is { Length: > 0 } idText)
        {
            if (idType == IdCard)
            {
                var id = IdNumbers.Check(idText, today);
                if (!id.Valid) problems.Add(new(LegalRepIdNumber, id.Error!));
                idNumber = id.Number;
            }
            else if (idText.Length > 50) problems.Add(new(LegalRepIdNumber, "不能超过 50 个字符"));
            else idNumber = idText.ToUpperInvariant();
        }
        var legalRep = Optional(LegalRepName, 80);
        if (idNumber is not null && legalRep is null) problems.Add(new(LegalRepName, "填写证件号码时须填写法定代表人姓名"));

        var draft = new UnitDraft(kind ?? UnitKind.Enterprise, name, credit, category, addressId, address, Optional(Community, 50), grid, PhoneOf(Phone),
            Count(Employees), legalRep, idType, idNumber, PhoneOf(LegalRepPhone), Optional(SecurityName, 50), PhoneOf(SecurityPhone), YesNo(Hazardous),
            Coded(HazardType, UnitStandard.HazardTable), Coded(Attention, UnitStandard.AttentionTable), YesNo(HasPartyOrg), Count(PartyMembers),
            fields is null || kind is null ? null : CheckFields(kind.Value, fields, problems));
        return (draft, problems);
    }

    // The standard's other fields: only the kind's names, short values, counts as integers, 是否 as 是/否.
    static SortedDictionary<string, string> CheckFields(UnitKind kind, IReadOnlyDictionary<string, string> fields, List<RowProblem> problems)
    {
        var names = UnitStandard.FieldNames(kind);
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, raw) in fields)
        {
            var value = ImportCleaning.Value(raw);
            if (!names.Contains(key)) { problems.Add(new(Fields, $"“{key}”不是{UnitNames.Kind(kind)}的标准字段（可填：{string.Join("、", names)}）")); continue; }
            if (value.Length == 0) continue;
            if (value.Length > 200) problems.Add(new(Fields, $"{key}不能超过 200 个字"));
            else if (key.EndsWith("数量", StringComparison.Ordinal) && !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                problems.Add(new(Fields, $"{key}应为整数，“{value}”不是"));
            else if (key.StartsWith("是否", StringComparison.Ordinal) && value is not ("是" or "否")) problems.Add(new(Fields, $"{key}应为“是”或“否”"));
            else result[key] = value;
        }
        return result;
    }
}
