using GridGov.Features.Organization;
using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.People;
using GridGov.Features.Registry.Units;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Demo;

// A demo community's units as an inner-city Nanjing community has them: the road's shop fronts let to
// 个体工商户 (most) and small companies (some), a few empty; one social organisation (a volunteer
// association or a home-care centre) and the 居委会 itself. Legal representatives are the community's
// own adults (their stored ciphers, hashes and masks: the same person, never a number in clear). Credit
// codes are valid GB 32100 codes built from the community's code, so they are unique city-wide.
static class UnitDemo
{
    static readonly string[] Shops = ["便利店", "小吃店", "理发店", "水果店", "大药房", "五金店", "洗衣店", "茶叶店", "面馆", "花店", "打印店", "眼镜店", "烟酒店", "包子铺"];
    static readonly string[] Companies = ["商贸有限公司", "餐饮管理有限公司", "信息技术有限公司", "物业管理有限公司", "文化传媒有限公司", "家政服务有限公司"];
    static readonly string[] Words = ["金陵", "玄武", "紫金", "钟山", "梅园", "鼎盛", "恒通", "华信", "益民", "福泰", "诚信", "嘉禾"];

    public static async Task FillAsync(CommunityFill fill, CancellationToken ct)
    {
        var r = fill.Random;
        var community = fill.Plan.Community;
        var communityName = await fill.Db.OrgUnits.Where(u => u.Code == community).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "社区";
        var shopRooms = fill.Plan.Rooms.Where(a => a.Code.Length < AddressCodes.MaxLength).OrderBy(a => a.Code).ToList();
        var adults = fill.People.Where(p => p.Person.IdType == UnitCheck.IdCard && p.Person.BirthDate is { } b && b.AddYears(25) <= fill.Today && b.AddYears(70) > fill.Today)
            .Select(p => p.Person).ToList();
        if (adults.Count == 0) return;
        var serial = 0;
        // 2 registration authority + type (92 个体工商户, 91 企业, 51/52 民政), 6 district, then the community's
        // street and community serials and a serial of its own: unique city-wide.
        string Code(string type) => CreditCodes.Make($"{type}{community.ToString()[..6]}{community.ToString()[6..]}{++serial:000}");
        Unit Rep(Unit u)
        {
            var p = adults[r.Next(adults.Count)];
            (u.LegalRepName, u.LegalRepIdType, u.LegalRepIdCipher, u.LegalRepIdHash, u.LegalRepIdMasked) = (p.Name, p.IdType, p.IdCipher, p.IdHash, p.IdMasked);
            (u.LegalRepPhoneCipher, u.LegalRepPhoneMasked) = (p.PhoneCipher, p.PhoneMasked);
            return u;
        }
        Unit At(Unit u, Address? a, long grid)
        {
            (u.AddressId, u.AddressText) = (a?.Id, a?.FullName);
            u.Phone = $"025-8{r.Next(1_000_000, 9_999_999)}";
            return fill.Record(u, a?.GridCode ?? grid);
        }

        var units = new List<Unit>();
        // The 居委会's office and the social organisation's room: the road's last front when it has a few.
        var office = shopRooms.Count >= 3 ? shopRooms[^1] : null;
        if (office is not null) shopRooms.RemoveAt(shopRooms.Count - 1);
        foreach (var room in shopRooms)
        {
            var roll = r.NextDouble();
            if (roll < 0.1) continue; // 空置门面
            var company = roll > 0.7;
            var food = !company && r.Next(3) == 0;
            var u = Rep(new Unit
            {
                Kind = company ? UnitKind.Enterprise : UnitKind.IndividualBusiness, Category = company ? "01" : "03",
                CreditCode = Code(company ? "91" : "92"),
                Name = company ? $"南京{Words[r.Next(Words.Length)]}{Companies[r.Next(Companies.Length)]}" : $"{room.FullName[..^room.Name.Length]}{Words[r.Next(Words.Length)]}{(food ? "小吃店" : Shops[r.Next(Shops.Length)])}",
                Employees = company ? 5 + r.Next(36) : 1 + r.Next(5),
                Hazardous = false, HazardType = food && r.Next(4) == 0 ? "02" : "00", Attention = r.Next(10) == 0 ? "02" : "03",
            });
            if (company)
            {
                u.HasPartyOrg = u.Employees >= 20 && r.Next(2) == 0;
                u.PartyMembers = u.HasPartyOrg ? 3 + r.Next(6) : r.Next(3);
                u.SecurityName = DemoNames.Name(r, r.Next(2) == 0);
                u.Fields = UnitFields.FieldsJson(new(StringComparer.Ordinal)
                {
                    ["是否具备建立中共党组织条件"] = u.PartyMembers >= 3 ? "是" : "否", ["是否有工会"] = u.Employees >= 25 ? "是" : "否",
                });
            }
            units.Add(At(u, room, fill.Grids[0]));
        }
        var district = community.ToString()[..6];
        var homeCare = r.Next(2) == 0;
        var social = Rep(new Unit
        {
            Kind = UnitKind.SocialOrganisation, Category = homeCare ? "02" : "01", CreditCode = Code(homeCare ? "52" : "51"),
            Name = homeCare ? $"南京市{communityName.Replace("居委会", "")}居家养老服务中心" : $"{communityName.Replace("居委会", "")}志愿者协会",
            Employees = homeCare ? 6 + r.Next(10) : 2 + r.Next(4), HazardType = "00", Attention = "03", HasPartyOrg = r.Next(3) == 0,
        });
        social.PartyMembers = social.HasPartyOrg ? 3 + r.Next(4) : null;
        social.Fields = UnitFields.FieldsJson(new(StringComparer.Ordinal)
        {
            ["登记证号"] = $"{(homeCare ? "民证字" : "社证字")}第{district}{serial:0000}号", ["登记管理机关代码"] = district,
            ["批准日期"] = fill.Today.AddDays(-r.Next(400, 3600)).ToString("yyyy-MM-dd"), ["状态"] = "1", ["负责人姓名"] = social.LegalRepName!,
            ["资金来源"] = homeCare ? "政府购买服务、服务收费" : "会费、社会捐赠", ["是否有境外背景"] = "否",
        });
        units.Add(At(social, office, fill.Grids[0]));
        var committee = Rep(new Unit
        {
            Kind = UnitKind.Government, Name = communityName.EndsWith("居委会", StringComparison.Ordinal) ? communityName[..^3] + "居民委员会" : communityName + "居民委员会",
            Employees = 8 + r.Next(8), HazardType = "00", Attention = "03", HasPartyOrg = true, PartyMembers = 40 + r.Next(120),
        });
        units.Add(At(committee, office, fill.Grids[0]));
        await using var writer = new BulkWriter<Unit>(fill.Db);
        await writer.InsertManyAsync(units, ct);
    }
}
