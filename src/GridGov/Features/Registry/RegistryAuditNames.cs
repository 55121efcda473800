using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.Houses;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry;

// How the registry reads in the audit log: 人员「张三」, 地址「兰园小区3栋2单元501室」. Encrypted numbers
// and their lookup hashes are never recorded (the masked forms are, so a changed number shows).
sealed class RegistryAuditNames : AuditNames
{
    static readonly Dictionary<string, string> Record = new()
    {
        ["Id"] = "编号", ["GridCode"] = "网格编码", ["Source"] = "来源", ["SourceSystem"] = "来源系统", ["ImportBatchId"] = "导入批次",
        ["State"] = "核实状态", ["StateByName"] = "核实人", ["StateById"] = "核实人编号", ["StateAt"] = "核实时间", ["CreatedAt"] = "登记时间",
        ["UpdatedAt"] = "更新时间", ["Version"] = "版本",
    };

    internal static readonly Dictionary<string, Func<string, string?>> RecordValues = new()
    {
        ["State"] = v => Enum.TryParse<VerificationState>(v, out var s) ? RegistryNames.State(s) : null,
        ["Source"] = v => Enum.TryParse<RecordSource>(v, out var s) ? RegistryNames.Source(s) : null,
    };

    // Every registry entity's own columns plus the record block's; used by each registry part's names.
    internal static Dictionary<string, string> With(Dictionary<string, string> own) => Record.Concat(own).ToDictionary();

    public override IEnumerable<(string Action, string Name)> Actions() => [(RevealPerson.Action, "查看完整号码")];

    public override IEnumerable<AuditEntity> Entities() =>
    [
        new(nameof(Person), "人员")
        {
            Properties = With(new()
            {
                ["IdType"] = "证件类型", ["IdCipher"] = "证件号码（密文）", ["IdHash"] = "证件号码索引", ["IdMasked"] = "证件号码", ["Name"] = "姓名",
                ["FormerName"] = "曾用名", ["Gender"] = "性别", ["BirthDate"] = "出生日期", ["Ethnicity"] = "民族", ["NativePlace"] = "籍贯",
                ["Marital"] = "婚姻状况", ["Political"] = "政治面貌", ["Education"] = "学历", ["Religion"] = "宗教信仰", ["OccupationCategory"] = "职业类别",
                ["Occupation"] = "职业", ["Workplace"] = "服务处所", ["PhoneCipher"] = "联系电话（密文）", ["PhoneHash"] = "联系电话索引",
                ["PhoneMasked"] = "联系电话", ["RegisteredPlace"] = "户籍地", ["RegisteredAddress"] = "户籍地址", ["CurrentPlace"] = "现住地",
                ["CurrentAddress"] = "现住地址", ["Residency"] = "人口类型", ["AddressId"] = "标准地址", ["fields"] = "查看的字段",
            }),
            Hidden = ["IdCipher", "IdHash", "PhoneCipher", "PhoneHash"],
            Values = new(RecordValues) { ["Residency"] = v => Enum.TryParse<ResidencyType>(v, out var r) ? PersonCheck.ResidencyName(r) : null },
            Resolve = (db, keys, ct) => NamesAsync(db.Set<Person>(), keys, p => new IdName(p.Id, p.Name), ct),
            Search = async (db, text, ct) => await db.Set<Person>().IgnoreQueryFilters().AsNoTracking()
                .Where(p => p.Name.Contains(text)).Select(p => p.Id.ToString()).Take(500).ToListAsync(ct),
        },
        new(nameof(PersonClassRecord), "人员类别记录")
        {
            Properties = With(new() { ["PersonId"] = "人员", ["Class"] = "类别", ["Special"] = "特殊人群", ["Fields"] = "类别信息" }),
            Values = new(RecordValues),
        },
        new(nameof(Address), "地址")
        {
            Properties = With(new()
            {
                ["ParentId"] = "上级地址", ["Kind"] = "层级", ["Code"] = "地址编码", ["Name"] = "名称", ["FullName"] = "完整地址", ["CommunityCode"] = "所属社区",
                ["Lon"] = "经度", ["Lat"] = "纬度", ["Floors"] = "层数", ["BuildingHeadId"] = "楼栋长",
            }),
            Values = new(RecordValues) { ["Kind"] = v => Enum.TryParse<AddressKind>(v, out var k) ? AddressCodes.KindName(k) : null },
            Resolve = (db, keys, ct) => NamesAsync(db.Set<Address>(), keys, a => new IdName(a.Id, a.FullName), ct),
            Search = async (db, text, ct) => await db.Set<Address>().IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.FullName.Contains(text)).Select(a => a.Id.ToString()).Take(500).ToListAsync(ct),
        },
        new(nameof(House), "房屋")
        {
            Properties = With(new()
            {
                ["AddressId"] = "地址", ["Use"] = "房屋用途", ["BuildingUse"] = "建筑用途", ["AreaM2"] = "建筑面积（平方米）", ["OwnerId"] = "房主",
                ["OwnerName"] = "房主姓名", ["RentalPurpose"] = "出租用途", ["HazardType"] = "隐患类型", ["Tenants"] = "承租人数", ["Overcrowded"] = "群租",
            }),
            Values = new(RecordValues),
        },
        new(nameof(HouseOccupant), "房屋人员")
        {
            Properties = With(new() { ["HouseId"] = "房屋", ["PersonId"] = "人员", ["Role"] = "关系", ["RelationToHead"] = "与户主关系" }),
            Values = new(RecordValues),
        },
    ];

    internal static async Task<Dictionary<string, string>> NamesAsync<T>(IQueryable<T> set, IReadOnlyCollection<string> keys,
        System.Linq.Expressions.Expression<Func<T, IdName>> name, CancellationToken ct) where T : RegistryRecord
    {
        var ids = keys.Select(k => long.TryParse(k, out var id) ? id : -1).Where(id => id >= 0).Distinct().ToList();
        var rows = await set.IgnoreQueryFilters().AsNoTracking().Where(r => ids.Contains(r.Id)).Select(name).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id.ToString(), r => r.Name);
    }

    internal sealed record IdName(long Id, string Name);
}
