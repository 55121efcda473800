using System.Net;
using System.Net.Http.Json;
using GridGov.Features.Registry.Imports;
using GridGov.Features.Registry.Units;
using GridGov.Infrastructure.Import;
using GridGov.Infrastructure.UseCases;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace GridGov.Tests.Registry;

// 实有单位 through the shared import pipeline: Chinese headers (单位类型 by its Chinese name), good rows
// inserted at their standard address or grid, bad rows quarantined with field and reason, matched by
// credit code so that the same file twice changes nothing.
[Collection(NanjingCollection.Name)]
public sealed class UnitImportTests(GridGovApp app)
{
    readonly RegistryKit kit = new(app);

    async Task<ImportBatchView> ImportAsync(byte[] file)
    {
        var response = await kit.UploadAsync("community", "单位.xlsx", file, target: "units");
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await kit.WaitAsync("community", (await response.Content.ReadFromJsonAsync<ImportBatchView>(RegistryKit.Json))!.Id);
    }

    // MiniExcel takes its header from the first row: every row carries every column.
    static byte[] Sheet(List<Dictionary<string, object?>> rows)
    {
        var headers = rows.SelectMany(r => r.Keys).Distinct().ToList();
        return RegistryKit.Xlsx(rows.Select(r => headers.ToDictionary(h => h, h => r.GetValueOrDefault(h))));
    }

    [Fact]
    public async Task Good_rows_are_inserted_bad_ones_quarantined_and_the_same_file_twice_changes_nothing()
    {
        var rooms = await kit.RoomsAsync(2);
        var (shop, club, bad) = (UnitApiTests.NewCreditCode("92"), UnitApiTests.NewCreditCode("51"), UnitApiTests.NewCreditCode());
        var id = RegistryKit.NewId();
        var file = Sheet(
        [
            new() { ["单位名称"] = "导入便利店", ["单位类型"] = "个体工商户", ["统一社会信用代码"] = shop, ["单位地址"] = rooms[0], ["法定代表人"] = "导入甲",
                ["法定代表人证件号码"] = id, ["法定代表人电话"] = "13912345678", ["关注程度"] = "低", ["有党组织"] = "否" },
            new() { ["单位名称"] = "导入志愿者协会", ["单位类型"] = "社会组织", ["统一社会信用代码"] = club, ["单位类别"] = "社会团体",
                ["网格编码"] = "320102002001001", ["有党组织"] = "是", ["党员数"] = "4" },
            new() { ["单位名称"] = "错码公司", ["单位类型"] = "非公有制经济组织", ["统一社会信用代码"] = bad[..17] + (bad[17] == '0' ? '1' : '0'), ["单位类别"] = "内资企业",
                ["单位地址"] = rooms[1] },
            new() { ["单位名称"] = "错类型单位", ["单位类型"] = "公司", ["单位地址"] = rooms[1] },
        ]);
        var template = await (await kit.As("community")).GetAsync("/api/v1/registry/imports/templates/units");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        var headers = MiniExcel.Query(await template.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object?>>().First().Keys;
        Assert.Contains("单位类型*", headers);

        var first = await ImportAsync(file);
        Assert.Equal((2, 0, 0, 2), (first.Inserted, first.Updated, first.Unchanged, first.Rejected));
        var issues = (await (await kit.As("community")).GetFromJsonAsync<PagedResult<ImportIssueRow>>($"/api/v1/registry/imports/{first.Id}/issues", RegistryKit.Json))!.Items;
        Assert.Contains(issues, i => i.RowNumber == 4 && i.Field == "统一社会信用代码" && i.Reason.Contains("校验位应为"));
        Assert.Contains(issues, i => i.RowNumber == 5 && i.Field == "单位类型" && i.Reason.Contains("“公司”应为"));

        await using var db = app.UnscopedDb();
        var units = await db.Set<Unit>().AsNoTracking().Where(u => u.ImportBatchId == first.Id).OrderBy(u => u.Name).ToListAsync();
        Assert.Equal(["导入便利店", "导入志愿者协会"], units.Select(u => u.Name));
        var store = units[0];
        Assert.Equal((UnitKind.IndividualBusiness, "03", rooms[0], id[..4] + "**********" + id[^4..]), (store.Kind, store.Category, store.AddressText, store.LegalRepIdMasked));
        Assert.NotNull(store.AddressId);
        Assert.DoesNotContain(id, store.LegalRepIdCipher);
        Assert.Equal((UnitKind.SocialOrganisation, "01", 320102002001001L, true, 4), (units[1].Kind, units[1].Category, units[1].GridCode, units[1].HasPartyOrg, units[1].PartyMembers));

        var second = await ImportAsync(file);
        Assert.Equal((0, 0, 2, 2), (second.Inserted, second.Updated, second.Unchanged, second.Rejected));
        Assert.Equal(units.Select(u => u.Version), await db.Set<Unit>().AsNoTracking().Where(u => u.ImportBatchId == first.Id).OrderBy(u => u.Name).Select(u => u.Version).ToListAsync());
    }
}
