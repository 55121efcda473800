using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Import;
using GridGov.Infrastructure.UseCases;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Registry;

// A person's class records hold the class's own GB/T 31000 fields, checked by type and code table
// (names accepted, codes stored), other people's numbers in them encrypted and shown masked; special
// classes need their permission; the import writes the same records and a file twice changes nothing.
[Collection(NanjingCollection.Name)]
public sealed class PersonClassFieldsTests(GridGovApp app)
{
    readonly RegistryKit kit = new(app);

    async Task<long> PersonAsync(string name)
    {
        var room = (await kit.RoomsAsync(8))[7];
        var r = await (await kit.As("community")).PostAsJsonAsync("/api/v1/registry/people", new PersonForm(name, RegistryKit.NewId(), "流动", room));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await r.Content.ReadFromJsonAsync<PersonSaved>())!.Id;
    }

    [Fact]
    public async Task Class_fields_are_checked_against_the_standard_and_stored_as_codes()
    {
        var id = await PersonAsync("类别甲");
        var client = await kit.As("grid");
        var ok = await client.PutAsJsonAsync($"/api/v1/registry/people/{id}/classes/T13", new PersonClassRequest(new()
        {
            ["流入原因"] = "务工", ["住所类型"] = "租赁房屋", ["登记日期"] = "2025/3/1", ["是否重点关注人员"] = "否",
        }));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var saved = (await ok.Content.ReadFromJsonAsync<PersonClassSaved>())!;
        Assert.Equal(("01", "02", "2025-03-01", "0"), (saved.Fields["流入原因"], saved.Fields["住所类型"], saved.Fields["登记日期"], saved.Fields["是否重点关注人员"]));
        Assert.Empty(saved.Missing);

        var bad = await client.PutAsJsonAsync($"/api/v1/registry/people/{id}/classes/T13", new PersonClassRequest(new()
        {
            ["流入原因"] = "旅游", ["登记日期"] = "2025-13-01", ["外星字段"] = "x", ["是否重点关注人员"] = "也许",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("流入原因代码表", errors.GetProperty("流入原因")[0].GetString());
        Assert.Contains("不是日期", errors.GetProperty("登记日期")[0].GetString());
        Assert.Contains("不是该类别在 GB/T 31000 中的字段", errors.GetProperty("外星字段")[0].GetString());
        Assert.Contains("是 或 否", errors.GetProperty("是否重点关注人员")[0].GetString());

        var missing = await client.PutAsJsonAsync($"/api/v1/registry/people/{id}/classes/T14", new PersonClassRequest(new() { ["健康状况"] = "一般" }));
        Assert.Contains("留守人员类型", (await missing.Content.ReadFromJsonAsync<PersonClassSaved>())!.Missing);
    }

    [Fact]
    public async Task Numbers_inside_class_fields_are_encrypted_and_special_classes_need_the_permission()
    {
        var id = await PersonAsync("类别乙");
        var (guardian, phone) = (RegistryKit.NewId(), RegistryKit.NewPhone());
        var request = new PersonClassRequest(new() { ["监护人公民身份号码"] = guardian, ["监护人姓名"] = "监护丙", ["监护人联系方式"] = phone, ["目前危险性评估等级"] = "3级" });
        Assert.Equal(HttpStatusCode.Forbidden, (await (await kit.As("grid")).PutAsJsonAsync($"/api/v1/registry/people/{id}/classes/T19", request)).StatusCode);
        var community = await kit.As("community");
        var ok = await community.PutAsJsonAsync($"/api/v1/registry/people/{id}/classes/T19", request);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        await using var db = app.UnscopedDb();
        var stored = await db.Set<PersonClassRecord>().SingleAsync(r => r.PersonId == id && r.Class == "T19");
        Assert.DoesNotContain(guardian, stored.Fields);
        Assert.DoesNotContain(phone, stored.Fields);
        var audit = await db.AuditRecords.Where(a => a.EntityType == nameof(PersonClassRecord) && a.EntityKey == stored.Id.ToString()).ToListAsync();
        Assert.All(audit, a => Assert.DoesNotContain(guardian, (a.Before ?? "") + (a.After ?? "")));

        var rows = (await community.GetFromJsonAsync<List<PersonClassRow>>($"/api/v1/registry/people/{id}/classes", RegistryKit.Json))!;
        var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(rows.Single(r => r.Class == "T19").Fields)!;
        Assert.Equal(guardian[..4] + "**********" + guardian[^4..], fields["监护人公民身份号码"]);
        Assert.Equal("04", fields["目前危险性评估等级"]);
        Assert.DoesNotContain(fields.Keys, k => k.Contains("密文"));
        Assert.DoesNotContain((await (await kit.As("grid")).GetFromJsonAsync<List<PersonClassRow>>($"/api/v1/registry/people/{id}/classes", RegistryKit.Json))!, r => r.Class == "T19");
    }

    [Fact]
    public async Task Class_records_import_and_the_same_file_twice_changes_nothing()
    {
        var rooms = await kit.RoomsAsync(10);
        var (a, b) = (RegistryKit.NewId(), RegistryKit.NewId());
        await kit.ImportAsync("community", "类别人员.xlsx", RegistryKit.Xlsx([RegistryKit.Row("导入类别甲", a, "流动", rooms[8]), RegistryKit.Row("导入类别乙", b, "户籍", rooms[9])]));
        var guardian = RegistryKit.NewId();
        Dictionary<string, object?>[] rows =
        [
            new() { ["公民身份号码"] = a, ["人员类别"] = "流动人口", ["流入原因"] = "经商", ["住所类型"] = "租赁房屋", ["是否重点关注人员"] = "否" },
            new() { ["公民身份号码"] = b, ["人员类别"] = "T19", ["监护人公民身份号码"] = guardian, ["监护人姓名"] = "监护丁", ["流入原因"] = null },
            new() { ["公民身份号码"] = b, ["人员类别"] = "外星人" },
            new() { ["公民身份号码"] = RegistryKit.NewId(), ["人员类别"] = "流动人口" },
            new() { ["公民身份号码"] = a, ["人员类别"] = "T13", ["住所类型"] = "帐篷" },
        ];
        // One header for all rows: every row gets every column.
        var columns = rows.SelectMany(r => r.Keys).Distinct().ToList();
        rows = [.. rows.Select(r => columns.ToDictionary(c => c, c => r.GetValueOrDefault(c)))];
        async Task<ImportBatchView> RunAsync()
        {
            var response = await kit.UploadAsync("community", "类别.xlsx", RegistryKit.Xlsx(rows), "person-classes");
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return await kit.WaitAsync("community", (await response.Content.ReadFromJsonAsync<ImportBatchView>(RegistryKit.Json))!.Id);
        }
        var first = await RunAsync();
        Assert.Equal((2, 3), (first.Inserted, first.Rejected));
        var issues = (await (await kit.As("community")).GetFromJsonAsync<PagedResult<GridGov.Features.Registry.Imports.ImportIssueRow>>(
            $"/api/v1/registry/imports/{first.Id}/issues", RegistryKit.Json))!.Items.OrderBy(i => i.RowNumber).ToList();
        Assert.Equal([("人员类别", 4), ("公民身份号码", 5), ("住所类型", 6)], issues.Select(i => (i.Field, i.RowNumber)));
        var again = await RunAsync();
        Assert.Equal((0, 0, 2, 3), (again.Inserted, again.Updated, again.Unchanged, again.Rejected));
    }
}
