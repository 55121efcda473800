using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Units;

public static class UnitNames
{
    public static string Kind(UnitKind k) => k switch
    {
        UnitKind.Enterprise => "非公有制经济组织", UnitKind.SocialOrganisation => "社会组织", UnitKind.Government => "机关",
        UnitKind.PublicInstitution => "事业单位", _ => "个体工商户",
    };
}

sealed class UnitAuditNames : AuditNames
{
    public override IEnumerable<AuditEntity> Entities() =>
    [
        new(nameof(Unit), "单位")
        {
            Properties = RegistryAuditNames.With(new()
            {
                ["Kind"] = "单位类型", ["CreditCode"] = "统一社会信用代码", ["Name"] = "单位名称", ["Category"] = "单位类别", ["AddressId"] = "标准地址",
                ["AddressText"] = "单位地址", ["Phone"] = "单位电话", ["Employees"] = "员工数", ["LegalRepName"] = "法定代表人",
                ["LegalRepIdType"] = "法定代表人证件类型", ["LegalRepIdCipher"] = "法定代表人证件号码（密文）", ["LegalRepIdHash"] = "法定代表人证件号码索引",
                ["LegalRepIdMasked"] = "法定代表人证件号码", ["LegalRepPhoneCipher"] = "法定代表人电话（密文）", ["LegalRepPhoneMasked"] = "法定代表人电话",
                ["SecurityName"] = "治保负责人", ["SecurityPhoneCipher"] = "治保负责人电话（密文）", ["SecurityPhoneMasked"] = "治保负责人电话",
                ["Hazardous"] = "危化企业", ["HazardType"] = "安全隐患类型", ["Attention"] = "关注程度", ["HasPartyOrg"] = "有党组织",
                ["PartyMembers"] = "党员数", ["Fields"] = "其他信息",
            }),
            Hidden = ["LegalRepIdCipher", "LegalRepIdHash", "LegalRepPhoneCipher", "SecurityPhoneCipher"],
            Values = new(RegistryAuditNames.RecordValues) { ["Kind"] = v => Enum.TryParse<UnitKind>(v, out var k) ? UnitNames.Kind(k) : null },
            Resolve = (db, keys, ct) => RegistryAuditNames.NamesAsync(db.Set<Unit>(), keys, u => new RegistryAuditNames.IdName(u.Id, u.Name), ct),
            Search = async (db, text, ct) => await db.Set<Unit>().IgnoreQueryFilters().AsNoTracking()
                .Where(u => u.Name.Contains(text)).Select(u => u.Id.ToString()).Take(500).ToListAsync(ct),
        },
    ];
}
