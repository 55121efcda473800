using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Features.Registry.People;
using GridGov.Features.Registry;
using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.Units;
using GridGov.Infrastructure.UseCases;
using GridGov.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Registry;

// 实有单位 through the API: checked by the national rules with Chinese reasons naming the field, a credit
// code registered once, the legal representative's ID encrypted, masked everywhere and unmasked only with
// the permission (audited), a stale version refused, and a unit of another community answering 404.
[Collection(NanjingCollection.Name)]
public sealed class UnitApiTests(GridGovApp app)
{
    readonly RegistryKit kit = new(app);
    const long OtherGrid = 320102002002001;
    const string Units = "/api/v1/registry/units";
    static readonly Random random = new();

    // A fresh valid code by GB 32100's arithmetic (the test's own): 92 (个体工商户) or 91 (企业), region, body, check.
    public static string NewCreditCode(string type = "91")
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var first = type + "320102" + new string([.. Enumerable.Range(0, 9).Select(_ => alphabet[random.Next(alphabet.Length)])]);
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += alphabet.IndexOf(first[i]) * w[i];
        return first + alphabet[(31 - sum % 31) % 31];
    }

    async Task<object> ValidAsync(string name, string code, string id, string phone) => new
    {
        kind = "Enterprise", name, creditCode = code, category = "01", address = (await kit.RoomsAsync(1))[0], phone = "025-84561234", employees = 12,
        legalRepName = "单位甲", legalRepIdNumber = id, legalRepPhone = phone, attention = "03", hasPartyOrg = true, partyMembers = 3,
        fields = new Dictionary<string, string> { ["是否有工会"] = "是", ["工会会员数量"] = "10" },
    };

    async Task<(long Id, string IdNumber, string Phone, string Code)> CreateAsync(string name)
    {
        var (id, phone, code) = (RegistryKit.NewId(), RegistryKit.NewPhone(), NewCreditCode());
        var response = await (await kit.As("community")).PostAsJsonAsync(Units, await ValidAsync(name, code, id, phone));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var saved = (await response.Content.ReadFromJsonAsync<UnitSaved>(RegistryKit.Json))!;
        return (saved.Id, id, phone, code);
    }

    static async Task<ValidationProblemDetails> InvalidAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        return JsonSerializer.Deserialize<ValidationProblemDetails>(text, RegistryKit.Json)!;
    }

    [Fact]
    public async Task A_valid_unit_is_created_at_its_standard_address_and_shown_masked()
    {
        var (unitId, id, phone, code) = await CreateAsync("南京测试商贸有限公司");
        var client = await kit.As("community");
        var text = await client.GetStringAsync($"{Units}/{unitId}");
        Assert.DoesNotContain(id, text);
        Assert.DoesNotContain(phone, text);
        var unit = JsonSerializer.Deserialize<UnitDetail>(text, RegistryKit.Json)!;
        Assert.Equal(("非公有制经济组织", "内资企业", code, "低"), (unit.KindName, unit.CategoryName, unit.CreditCode, unit.AttentionName));
        Assert.Equal(id[..4] + "**********" + id[^4..], unit.LegalRepIdMasked);
        Assert.Equal(phone[..3] + "****" + phone[^4..], unit.LegalRepPhoneMasked);
        Assert.Equal("10", unit.Fields["工会会员数量"]);
        Assert.True(unit.HasPartyOrg);
        await using var db = app.UnscopedDb();
        var room = await db.Set<Address>().SingleAsync(a => a.Id == unit.AddressId);
        Assert.Equal((room.GridCode, VerificationState.Pending), (unit.GridCode, unit.State));

        // Found by name and by the exact code, with the number masked.
        foreach (var keyword in new[] { "测试商贸", code })
        {
            var listText = await client.GetStringAsync($"{Units}?keyword={Uri.EscapeDataString(keyword)}");
            Assert.DoesNotContain(id, listText);
            var row = Assert.Single(JsonSerializer.Deserialize<PagedResult<UnitRow>>(listText, RegistryKit.Json)!.Items, r => r.Id == unitId);
            Assert.Equal(id[..4] + "**********" + id[^4..], row.LegalRepIdMasked);
        }
        var export = await client.GetAsync($"{Units}/export?keyword={code}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        var rows = MiniExcelLibs.MiniExcel.Query(await export.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(id[..4] + "**********" + id[^4..], Assert.Single(rows)["法定代表人证件号码"]);
    }

    [Fact]
    public async Task A_wrong_credit_code_id_number_or_category_is_refused_naming_the_field_in_chinese()
    {
        var client = await kit.As("community");
        var code = NewCreditCode();
        var wrongCheck = code[..17] + (code[17] == '0' ? '1' : '0');
        var badId = RegistryKit.NewId()[..17] + "Y";
        var problem = await InvalidAsync(await client.PostAsJsonAsync(Units, new
        {
            kind = "Enterprise", name = "错误甲", creditCode = wrongCheck, category = "77", legalRepName = "某人", legalRepIdNumber = badId,
            gridCode = 320102002001001,
        }));
        Assert.StartsWith("统一社会信用代码：校验位应为", Assert.Single(problem.Errors["creditCode"]));
        Assert.StartsWith("法定代表人证件号码：", Assert.Single(problem.Errors["legalRepIdNumber"]));
        Assert.Contains("“77”不是企业类别代码表中的值", Assert.Single(problem.Errors["category"]));
        Assert.Equal("提交的数据有误", problem.Title);

        // A social organisation's category comes from its own table; a field of another kind is not taken.
        var social = await InvalidAsync(await client.PostAsJsonAsync(Units, new
        {
            kind = "SocialOrganisation", name = "错误乙", creditCode = NewCreditCode("51"), category = "内资企业", gridCode = 320102002001001,
            fields = new Dictionary<string, string> { ["企业员工数"] = "3" },
        }));
        Assert.Contains("社会组织类型", social.Errors["category"][0]);
        Assert.Contains("“企业员工数”不是社会组织的标准字段", social.Errors["fields"][0]);
        Assert.Contains("单位名称：必填", (await InvalidAsync(await client.PostAsJsonAsync(Units, new { kind = "Government", gridCode = 320102002001001 }))).Errors["name"][0]);
    }

    [Fact]
    public async Task A_credit_code_is_registered_once_and_one_elsewhere_is_not_named()
    {
        var (_, _, _, code) = await CreateAsync("重复甲商店");
        var client = await kit.As("community");
        var again = await InvalidAsync(await client.PostAsJsonAsync(Units, new { kind = "Enterprise", name = "重复乙", creditCode = code, category = "01", gridCode = 320102002001001 }));
        Assert.Equal("该统一社会信用代码已登记为“重复甲商店”", Assert.Single(again.Errors["creditCode"]));

        var elsewhere = NewCreditCode();
        await using (var db = app.UnscopedDb())
        {
            db.Add(new Unit { Kind = UnitKind.Enterprise, Name = "外社区机密公司", CreditCode = elsewhere, GridCode = OtherGrid, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var outside = await InvalidAsync(await client.PostAsJsonAsync(Units, new { kind = "Enterprise", name = "重复丙", creditCode = elsewhere, category = "01", gridCode = 320102002001001 }));
        var message = Assert.Single(outside.Errors["creditCode"]);
        Assert.Contains("已在其他辖区登记", message);
        Assert.DoesNotContain("外社区机密公司", message);
    }

    [Fact]
    public async Task The_legal_representatives_id_is_stored_encrypted_and_never_in_the_audit_trail()
    {
        var (unitId, id, phone, _) = await CreateAsync("密存单位");
        await using var db = app.UnscopedDb();
        var unit = await db.Set<Unit>().AsNoTracking().SingleAsync(u => u.Id == unitId);
        var stored = typeof(Unit).GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => (string?)p.GetValue(unit)).OfType<string>().ToList();
        Assert.DoesNotContain(stored, v => v.Contains(id[6..]) || v.Contains(phone[3..]));
        Assert.NotNull(unit.LegalRepIdCipher);
        var audit = await db.AuditRecords.AsNoTracking().Select(a => (a.Before ?? "") + (a.After ?? "")).ToListAsync();
        Assert.DoesNotContain(audit, a => a.Contains(id) || a.Contains(phone));
    }

    [Fact]
    public async Task Unmasking_needs_the_permission_and_is_audited_without_the_number()
    {
        var (unitId, id, phone, _) = await CreateAsync("揭示单位");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await kit.As("grid")).PostAsync($"{Units}/{unitId}/reveal", null)).StatusCode);
        var response = await (await kit.As("community")).PostAsync($"{Units}/{unitId}/reveal", null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var secrets = (await response.Content.ReadFromJsonAsync<UnitSecrets>(RegistryKit.Json))!;
        Assert.Equal((id, phone), (secrets.LegalRepIdNumber, secrets.LegalRepPhone));
        await using var db = app.UnscopedDb();
        var record = await db.AuditRecords.AsNoTracking().Where(a => a.Action == RevealPerson.Action && a.EntityType == nameof(Unit) && a.EntityKey == unitId.ToString()).SingleAsync();
        Assert.Equal("community", record.ActorName);
        Assert.DoesNotContain(id, record.After);
        Assert.DoesNotContain(phone, record.After);
    }

    [Fact]
    public async Task A_community_user_gets_404_for_another_communitys_unit_on_reads_and_writes()
    {
        long unitId;
        await using (var db = app.UnscopedDb())
        {
            var unit = new Unit { Kind = UnitKind.IndividualBusiness, Name = "外社区小店", GridCode = OtherGrid, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Add(unit);
            await db.SaveChangesAsync();
            unitId = unit.Id;
        }
        var community = await kit.As("community");
        Assert.Equal(HttpStatusCode.NotFound, (await community.GetAsync($"{Units}/{unitId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await community.PutAsJsonAsync($"{Units}/{unitId}", new { kind = "IndividualBusiness", name = "改名", gridCode = 320102002001001, version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await community.PostAsync($"{Units}/{unitId}/reveal", null)).StatusCode);
        Assert.DoesNotContain((await community.GetFromJsonAsync<PagedResult<UnitRow>>($"{Units}?keyword=外社区小店", RegistryKit.Json))!.Items, u => u.Id == unitId);
        Assert.Equal(HttpStatusCode.OK, (await (await kit.As("admin")).GetAsync($"{Units}/{unitId}")).StatusCode);
        // Nor can it move one of its own units into another community's grid.
        var (own, _, _, _) = await CreateAsync("不外迁单位");
        var moved = await InvalidAsync(await community.PutAsJsonAsync($"{Units}/{own}", new { kind = "IndividualBusiness", name = "不外迁单位", gridCode = OtherGrid, version = 1 }));
        Assert.Contains("不在您的数据范围内", moved.Errors["gridCode"][0]);
    }

    [Fact]
    public async Task An_edit_with_a_stale_version_is_a_conflict_and_a_current_one_is_saved()
    {
        var (unitId, id, _, code) = await CreateAsync("版本单位");
        var client = await kit.As("community");
        var unit = (await client.GetFromJsonAsync<UnitDetail>($"{Units}/{unitId}", RegistryKit.Json))!;
        object Edit(string name, int version) => new
        {
            kind = "Enterprise", name, creditCode = code, category = "02", addressId = unit.AddressId, legalRepName = unit.LegalRepName, version,
        };
        var ok = await client.PutAsJsonAsync($"{Units}/{unitId}", Edit("版本单位改", unit.Version));
        Assert.True(ok.IsSuccessStatusCode, await ok.Content.ReadAsStringAsync());
        Assert.Equal(unit.Version + 1, (await ok.Content.ReadFromJsonAsync<UnitSaved>(RegistryKit.Json))!.Version);
        var stale = await client.PutAsJsonAsync($"{Units}/{unitId}", Edit("版本单位再改", unit.Version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = (await stale.Content.ReadFromJsonAsync<ProblemDetails>(RegistryKit.Json))!;
        Assert.Contains("已被他人修改", problem.Detail);
        var after = (await client.GetFromJsonAsync<UnitDetail>($"{Units}/{unitId}", RegistryKit.Json))!;
        // The ID number left empty kept what was registered.
        Assert.Equal(("版本单位改", "外资企业", id[..4] + "**********" + id[^4..]), (after.Name, after.CategoryName, after.LegalRepIdMasked));
    }
}
