namespace GridGov.Features.Registry.Units;

// What GB/T 31000-2015 says of each kind: the code table of its category (5.44 企业类别 for T23 and
// 个体工商户, 5.47 社会组织类型 for T24, none for the extensions 机关 and 事业单位) and the names of its
// fields that have no column of their own and go into Unit.Fields. The legal representative's and the
// 负责人's numbers are never among them: personal numbers live only in the encrypted columns.
public static class UnitStandard
{
    public const string EnterpriseCategory = "企业类别", HazardTable = "安全隐患类型", AttentionTable = "关注程度", SocialCategory = "社会组织类型";

    static readonly string[] Organisations =
    [
        "是否具备建立中共党组织条件", "是否有工会", "工会会员数量", "是否有共青团组织", "共青团团员数量", "是否有妇联组织", "妇女数量",
    ];

    // T23 items 16, 19–26; T24 items 2, 4, 6, 7, 9, 12, 14, 18–28 (资金来源, 是否有境外背景); both 经度/纬度.
    static readonly string[] Enterprise = [.. Organisations, "经度", "纬度"];
    static readonly string[] Social =
    [
        "登记证号", "登记管理机关代码", "住所", "批准日期", "状态", "负责人姓名", "办公地址", .. Organisations, "资金来源", "是否有境外背景", "经度", "纬度",
    ];

    public static IReadOnlyList<string> FieldNames(UnitKind kind) => kind == UnitKind.SocialOrganisation ? Social : Enterprise;

    // The code table of the kind's category; null: the kind has none (the field stays empty).
    public static string? CategoryTable(UnitKind kind) => kind switch
    {
        UnitKind.Enterprise or UnitKind.IndividualBusiness => EnterpriseCategory,
        UnitKind.SocialOrganisation => SocialCategory,
        _ => null,
    };

    static readonly Dictionary<string, UnitKind> KindsByName = new()
    {
        ["非公有制经济组织"] = UnitKind.Enterprise, ["非公企业"] = UnitKind.Enterprise, ["企业"] = UnitKind.Enterprise,
        ["社会组织"] = UnitKind.SocialOrganisation, ["机关"] = UnitKind.Government, ["事业单位"] = UnitKind.PublicInstitution,
        ["个体工商户"] = UnitKind.IndividualBusiness, ["个体户"] = UnitKind.IndividualBusiness,
    };

    public static UnitKind? KindNamed(string text) => KindsByName.TryGetValue(text, out var k) ? k : Enum.TryParse<UnitKind>(text, out k) && Enum.IsDefined(k) ? k : null;
}
