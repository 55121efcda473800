using System.Globalization;
using GridGov.Features.Registry.Codes;
using GridGov.Infrastructure.Import;
using GridGov.Infrastructure.Text;

namespace GridGov.Features.Registry.People;

// A person's fields as checked values: what a form or an import row turns into before it is written.
// The ID number is the GB 11643 18-digit form (15-digit numbers upgraded); the phone normalised; coded
// fields as codes; the address still as text (matched against standard addresses by the writer).
public sealed record PersonDraft(string IdNumber, string Name, string? FormerName, string Gender, DateOnly? BirthDate, string? Ethnicity,
    string? NativePlace, string? Marital, string? Political, string? Education, string? Occupation, string? Workplace, string? Phone,
    string? RegisteredPlace, string? RegisteredAddress, ResidencyType Residency, string Address, string? Community, long? GridCode);

// The rules of the base block, by the Chinese field names users see (import headers, form labels).
public static class PersonCheck
{
    public const string IdNumber = "公民身份号码", Name = "姓名", FormerName = "曾用名", Gender = "性别", BirthDate = "出生日期",
        Ethnicity = "民族", NativePlace = "籍贯", Marital = "婚姻状况", Political = "政治面貌", Education = "学历", Occupation = "职业",
        Workplace = "服务处所", Phone = "联系电话", RegisteredPlace = "户籍地", RegisteredAddress = "户籍地址", Residency = "人口类型",
        Address = "现住地址", Community = "所属社区", GridCode = "网格编码";

    public static readonly ImportColumn[] Columns =
    [
        new(Name, true, "2–50 个字", "张三"),
        new(IdNumber, true, "18 位公民身份号码（旧的 15 位号码自动升位）；Excel 中请设为文本格式", "320102198001011234", "身份证号", "身份证号码", "证件号码"),
        new(Residency, true, "户籍、流动、寄住或境外", "户籍", "人员类型", "居住类型"),
        new(Address, false, "必填（除非填写网格编码）：本辖区的标准地址，如 兰园小区3栋2单元501室", "兰园小区3栋2单元501室", "现住门(楼)详址", "居住地址", "标准地址"),
        new(Community, false, "现住地址所在社区的名称（地址同名时注明）", "兰园社区", "社区"),
        new(GridCode, false, "15 位网格编码（没有标准地址时填写）", "320102002001001", "网格"),
        new(Phone, false, "11 位手机号码或带区号的固定电话", "13812345678", "联系方式", "手机号码", "电话"),
        new(Gender, false, "男或女（不填则按身份号码）", "男"),
        new(BirthDate, false, "YYYY-MM-DD（不填则按身份号码）", "1980-01-01"),
        new(Ethnicity, false, "民族名称或 GB/T 3304 代码", "汉族"),
        new(NativePlace, false, "6 位行政区划代码", "320102"),
        new(Marital, false, "未婚、已婚、丧偶、离婚…或 GB/T 2261.2 代码", "已婚"),
        new(Political, false, "群众、中共党员…或 GB/T 4762 代码", "群众"),
        new(Education, false, "GB/T 4658 学历代码（2 位）", "21"),
        new(Occupation, false, "最多 30 个字", "教师"),
        new(Workplace, false, "最多 100 个字", "南京市某某小学"),
        new(RegisteredPlace, false, "6 位行政区划代码", "320102", "户籍地代码"),
        new(RegisteredAddress, false, "最多 80 个字", "南京市玄武区兰园5号", "户籍门(楼)详址"),
        new(FormerName, false, "最多 50 个字", ""),
    ];

    static readonly Dictionary<string, ResidencyType> Residencies = new()
    {
        ["户籍"] = ResidencyType.Registered, ["户籍人口"] = ResidencyType.Registered, ["流动"] = ResidencyType.Floating, ["流动人口"] = ResidencyType.Floating,
        ["寄住"] = ResidencyType.Lodger, ["寄住人口"] = ResidencyType.Lodger, ["境外"] = ResidencyType.Foreigner, ["境外人员"] = ResidencyType.Foreigner,
    };

    public static string ResidencyName(ResidencyType r) => r switch
    {
        ResidencyType.Registered => "户籍", ResidencyType.Floating => "流动", ResidencyType.Lodger => "寄住", _ => "境外",
    };

    // Every problem of the row at once, each naming its field; the draft is usable only without problems
    // (its address is still matched, so that a wrong address is reported with the rest).
    public static (PersonDraft Draft, List<RowProblem> Problems) Check(Func<string, string> field, CodeBook codes, DateOnly today)
    {
        var problems = new List<RowProblem>();
        string? Optional(string f, int max)
        {
            var v = field(f);
            if (v.Length == 0) return null;
            if (v.Length > max) problems.Add(new(f, $"不能超过 {max} 个字（现为 {v.Length} 个）"));
            return v;
        }
        string? Coded(string f, string table)
        {
            var v = field(f);
            if (v.Length == 0) return null;
            var code = codes[table].Resolve(v);
            if (code is null) problems.Add(new(f, $"“{v}”不是{table}代码表中的值"));
            return code;
        }
        string? Division(string f)
        {
            var v = field(f);
            if (v.Length == 0) return null;
            if (v.Length != 6 || !v.All(char.IsAsciiDigit)) { problems.Add(new(f, $"应为 6 位行政区划代码，“{v}”不是")); return null; }
            return v;
        }

        var name = field(Name);
        if (name.Length == 0) problems.Add(new(Name, "必填"));
        else if (name.Length > 50) problems.Add(new(Name, "不能超过 50 个字"));
        var id = IdNumbers.Check(field(IdNumber), today);
        if (!id.Valid) problems.Add(new(IdNumber, id.Error!));
        var residencyText = field(Residency);
        if (!Residencies.TryGetValue(residencyText, out var residency))
            problems.Add(new(Residency, residencyText.Length == 0 ? "必填（户籍、流动、寄住或境外）" : $"“{residencyText}”应为户籍、流动、寄住或境外"));
        var address = field(Address);
        long? grid = null;
        var gridText = field(GridCode);
        if (gridText.Length > 0)
        {
            if (gridText.Length == 15 && long.TryParse(gridText, CultureInfo.InvariantCulture, out var g)) grid = g;
            else problems.Add(new(GridCode, $"应为 15 位网格编码，“{gridText}”不是"));
        }
        if (address.Length == 0 && grid is null) problems.Add(new(Address, "必填（或填写网格编码）"));
        else if (address.Length > 80) problems.Add(new(Address, "不能超过 80 个字"));
        string? phone = null;
        if (field(Phone) is { Length: > 0 } phoneText)
        {
            var (p, error) = Phones.Normalize(phoneText);
            if (p is null) problems.Add(new(Phone, error!));
            phone = p;
        }
        var gender = Coded(Gender, CodeBook.Gender);
        if (id.Valid && gender is "1" or "2" && gender != IdNumbers.GenderCode(id.Number!)) problems.Add(new(Gender, "与公民身份号码中的性别不一致"));
        DateOnly? birth = null;
        if (field(BirthDate) is { Length: > 0 } birthText)
        {
            if (!DateOnly.TryParseExact(birthText, ["yyyy-MM-dd", "yyyyMMdd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var b))
                problems.Add(new(BirthDate, $"“{birthText}”不是日期（YYYY-MM-DD）"));
            else if (id.Valid && b != IdNumbers.BirthDate(id.Number!)) problems.Add(new(BirthDate, "与公民身份号码中的出生日期不一致"));
            else birth = b;
        }
        var draft = new PersonDraft(id.Number ?? "", name, Optional(FormerName, 50),
            gender ?? (id.Valid ? IdNumbers.GenderCode(id.Number!) : "0"), birth ?? (id.Valid ? IdNumbers.BirthDate(id.Number!) : null),
            Coded(Ethnicity, CodeBook.Ethnicity), Division(NativePlace), Coded(Marital, CodeBook.Marital), Coded(Political, CodeBook.Political),
            EducationCode(field(Education), problems), Optional(Occupation, 30), Optional(Workplace, 100), phone, Division(RegisteredPlace),
            Optional(RegisteredAddress, 80), residency, address, Optional(Community, 50), grid);
        return (draft, problems);
    }

    static string? EducationCode(string v, List<RowProblem> problems)
    {
        if (v.Length == 0) return null;
        if (v.Length == 2 && v.All(char.IsAsciiDigit)) return v;
        problems.Add(new(PersonCheck.Education, $"应为 2 位学历代码（GB/T 4658），“{v}”不是"));
        return null;
    }
}
