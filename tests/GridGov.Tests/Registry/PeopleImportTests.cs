using System.Net;
using System.Net.Http.Json;
using System.Text;
using GridGov.Features.Registry;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Import;
using GridGov.Infrastructure.UseCases;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace GridGov.Tests.Registry;

// One pipeline, seen through HTTP: good rows written, bad rows quarantined with row, field and reason;
// the same file twice changes nothing; a GB18030 CSV imports like its UTF-8 twin; a later file updates
// what changed and says so; the corrected-file template carries the reasons.
[Collection(NanjingCollection.Name)]
public sealed class PeopleImportTests(GridGovApp app)
{
    readonly RegistryKit kit = new(app);

    [Fact]
    public async Task Good_rows_are_written_and_bad_rows_quarantined_with_row_field_and_reason()
    {
        var rooms = await kit.RoomsAsync(3);
        var (a, b) = (RegistryKit.NewId(), RegistryKit.NewId(male: false));
        var wrongCheck = RegistryKit.NewId()[..17] + "Y";
        var badSum = RegistryKit.NewId();
        badSum = badSum[..17] + (badSum[17] == '0' ? '1' : '0');
        var file = RegistryKit.Xlsx(
        [
            RegistryKit.Row("甲一", a, "户籍", rooms[0], "138 0013 8000"),
            RegistryKit.Row("乙二", b, "流动", "  " + rooms[1] + " ", null, "女"),
            RegistryKit.Row("丙三", badSum, "户籍", rooms[2]),
            RegistryKit.Row("丁四", RegistryKit.NewId(), "外地", rooms[2]),
            RegistryKit.Row("", RegistryKit.NewId(), "户籍", "不存在的小区9栋"),
            RegistryKit.Row("戊五", wrongCheck, "户籍", rooms[2]),
        ]);
        var batch = await kit.ImportAsync("community", "人口.xlsx", file, "公安人口库");
        Assert.Equal(ImportState.Done, batch.State);
        Assert.Equal((6, 6, 2, 0, 0, 4), (batch.TotalRows, batch.DoneRows, batch.Inserted, batch.Updated, batch.Unchanged, batch.Rejected));

        var issues = (await (await kit.As("community")).GetFromJsonAsync<PagedResult<GridGov.Features.Registry.Imports.ImportIssueRow>>(
            $"/api/v1/registry/imports/{batch.Id}/issues", RegistryKit.Json))!.Items;
        Assert.Contains(issues, i => i.RowNumber == 4 && i.Field == "公民身份号码" && i.Reason.Contains("校验位应为"));
        Assert.Contains(issues, i => i.RowNumber == 5 && i.Field == "人口类型" && i.Reason.Contains("外地"));
        Assert.Contains(issues, i => i.RowNumber == 6 && i.Field == "姓名" && i.Reason == "必填");
        Assert.Contains(issues, i => i.RowNumber == 6 && i.Field == "现住地址" && i.Reason.Contains("不是您辖区内的标准地址"));
        Assert.Contains(issues, i => i.RowNumber == 7 && i.Field == "公民身份号码" && i.Reason.Contains("只能由数字组成"));

        await using var db = app.UnscopedDb();
        var hashes = await db.Set<Person>().Where(p => p.ImportBatchId == batch.Id).ToListAsync();
        Assert.Equal(["乙二", "甲一"], hashes.Select(p => p.Name).Order(StringComparer.Ordinal));
        var first = hashes.Single(p => p.Name == "甲一");
        Assert.Equal((VerificationState.Pending, RecordSource.Imported, "公安人口库"), (first.State, first.Source, first.SourceSystem));
        Assert.Equal("138****8000", first.PhoneMasked);
        Assert.Equal(rooms[0], first.CurrentAddress);
        Assert.NotNull(first.AddressId);
        Assert.Equal("2", hashes.Single(p => p.Name == "乙二").Gender);
    }

    [Fact]
    public async Task The_same_file_twice_changes_nothing_and_a_later_file_updates_what_changed()
    {
        var rooms = await kit.RoomsAsync(2);
        var (a, b) = (RegistryKit.NewId(), RegistryKit.NewId());
        var rows = new[] { RegistryKit.Row("重复甲", a, "户籍", rooms[0], "13900000001"), RegistryKit.Row("重复乙", b, "流动", rooms[1]), RegistryKit.Row("重复丙", "123", "户籍", rooms[1]) };
        var first = await kit.ImportAsync("community", "重复.xlsx", RegistryKit.Xlsx(rows));
        Assert.Equal((2, 0, 0, 1), (first.Inserted, first.Updated, first.Unchanged, first.Rejected));
        await using var db = app.UnscopedDb();
        var before = await db.Set<Person>().AsNoTracking().Where(p => p.Name.StartsWith("重复")).OrderBy(p => p.Id).ToListAsync();
        var auditBefore = await db.AuditRecords.CountAsync();

        var again = await kit.ImportAsync("community", "重复.xlsx", RegistryKit.Xlsx(rows));
        Assert.Equal((0, 0, 2, 1), (again.Inserted, again.Updated, again.Unchanged, again.Rejected));
        var after = await db.Set<Person>().AsNoTracking().Where(p => p.Name.StartsWith("重复")).OrderBy(p => p.Id).ToListAsync();
        Assert.Equal(before.Select(p => (p.Id, p.Version, p.IdCipher, p.PhoneCipher, p.UpdatedAt, p.ImportBatchId)),
            after.Select(p => (p.Id, p.Version, p.IdCipher, p.PhoneCipher, p.UpdatedAt, p.ImportBatchId)));

        // A later file with a new phone for 甲 (and 乙 as it was): one update, said so.
        rows[0]["联系电话"] = "13900000002";
        var later = await kit.ImportAsync("community", "更新.xlsx", RegistryKit.Xlsx(rows[..2]));
        Assert.Equal((0, 1, 1, 0), (later.Inserted, later.Updated, later.Unchanged, later.Rejected));
        var changed = await db.Set<Person>().AsNoTracking().SingleAsync(p => p.Id == before[0].Id);
        Assert.Equal("139****0002", changed.PhoneMasked);
        Assert.Equal(before[0].Version + 1, changed.Version);
        Assert.Equal(later.Id, changed.ImportBatchId);
        Assert.True(await db.AuditRecords.CountAsync() > auditBefore);
    }

    [Fact]
    public async Task A_gb18030_csv_imports_like_its_utf8_twin()
    {
        var rooms = await kit.RoomsAsync(2);
        string[] header = ["姓名", "身份证号", "人口类型", "现住地址", "民族", "婚姻状况"];
        string[] Row(string name, string id, int room) => [name, id, "户籍", rooms[room], "汉族", "已婚"];
        var (u1, u2, g1, g2) = (RegistryKit.NewId(), RegistryKit.NewId(), RegistryKit.NewId(), RegistryKit.NewId());
        var utf8 = await kit.ImportAsync("community", "utf8.csv",
            RegistryKit.Csv(header, [Row("编码统一", u1, 0), Row("编码二号", u2, 1), Row("编码坏行", "abc", 1)], new UTF8Encoding(false), bom: true));
        var gb = await kit.ImportAsync("community", "gb.csv",
            RegistryKit.Csv(header, [Row("编码统一", g1, 0), Row("编码二号", g2, 1), Row("编码坏行", "abc", 1)], ImportFile.Gb18030));
        Assert.Equal("utf-8", utf8.Encoding);
        Assert.Equal("gb18030", gb.Encoding);
        Assert.Equal((utf8.Inserted, utf8.Rejected, utf8.TotalRows), (gb.Inserted, gb.Rejected, gb.TotalRows));
        await using var db = app.UnscopedDb();
        var people = await db.Set<Person>().AsNoTracking().Where(p => p.ImportBatchId == utf8.Id || p.ImportBatchId == gb.Id).ToListAsync();
        Assert.Equal(4, people.Count);
        Assert.All(people, p => Assert.Equal(("01", "20"), (p.Ethnicity, p.Marital)));
        Assert.Equal(people.Where(p => p.ImportBatchId == utf8.Id).Select(p => (p.Name, p.CurrentAddress)).Order(),
            people.Where(p => p.ImportBatchId == gb.Id).Select(p => (p.Name, p.CurrentAddress)).Order());
    }

    [Fact]
    public async Task The_corrected_file_holds_the_rejected_rows_with_reasons_and_imports_once_fixed()
    {
        var rooms = await kit.RoomsAsync(1);
        var good = RegistryKit.NewId();
        var fixable = RegistryKit.NewId();
        var batch = await kit.ImportAsync("community", "待修正.xlsx", RegistryKit.Xlsx(
            [RegistryKit.Row("修正甲", good, "户籍", rooms[0]), RegistryKit.Row("修正乙", fixable, "户藉", rooms[0])]));
        Assert.Equal((1, 1), (batch.Inserted, batch.Rejected));

        var response = await (await kit.As("community")).GetAsync($"/api/v1/registry/imports/{batch.Id}/corrections");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal(fixable, row["公民身份号码"]);
        Assert.Contains("第 3 行", (string)row["错误原因"]!);
        Assert.Contains("人口类型", (string)row["错误原因"]!);

        // The user fixes the cell and imports the same file back (the reason column is ignored).
        row["人口类型"] = "户籍";
        var fixedFile = RegistryKit.Xlsx([row.ToDictionary(k => k.Key, k => k.Value)]);
        var again = await kit.ImportAsync("community", "已修正.xlsx", fixedFile);
        Assert.Equal((1, 0), (again.Inserted, again.Rejected));
    }

    [Fact]
    public async Task Values_are_cleaned_full_width_hidden_characters_and_old_fifteen_digit_numbers()
    {
        var rooms = await kit.RoomsAsync(1);
        // A 15-digit number as older records have it; digits typed full-width; a zero-width space in the name.
        var old15 = $"110101{Random.Shared.Next(40, 79)}0{Random.Shared.Next(1, 9)}1{Random.Shared.Next(0, 9)}{Random.Shared.Next(100, 999)}";
        var fullWidthPhone = new string([.. "13912345678".Select(c => (char)(c + 0xFEE0))]);
        var batch = await kit.ImportAsync("community", "清洗.xlsx", RegistryKit.Xlsx([RegistryKit.Row("清\u200B洗甲", old15, "户籍", rooms[0], fullWidthPhone)]));
        Assert.Equal((1, 0), (batch.Inserted, batch.Rejected));
        await using var db = app.UnscopedDb();
        var p = await db.Set<Person>().AsNoTracking().SingleAsync(x => x.ImportBatchId == batch.Id);
        Assert.Equal(("清洗甲", "139****5678"), (p.Name, p.PhoneMasked));
        var upgraded = old15[..6] + "19" + old15[6..];
        upgraded += RegistryKit.Check(upgraded);
        Assert.Equal(upgraded[..4] + "**********" + upgraded[^4..], p.IdMasked);
        Assert.Equal(DateOnly.ParseExact("19" + old15[6..12], "yyyyMMdd"), p.BirthDate);
    }

    [Fact]
    public async Task A_file_without_a_required_column_is_refused_before_anything_is_written()
    {
        var file = RegistryKit.Csv(["姓名", "人口类型"], [["缺列", "户籍"]], new UTF8Encoding(false));
        var response = await kit.UploadAsync("community", "缺列.csv", file);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("缺少必填列：公民身份号码（", text);
        await using var db = app.UnscopedDb();
        Assert.False(await db.Set<Person>().AnyAsync(p => p.Name == "缺列"));
    }

    [Fact]
    public async Task The_template_has_the_columns_and_their_notes()
    {
        var response = await (await kit.As("community")).GetAsync("/api/v1/registry/imports/templates/people");
        Assert.True(response.IsSuccessStatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var sheets = MiniExcel.GetSheetNames(new MemoryStream(bytes));
        Assert.Equal(["实有人口", "填写说明"], sheets);
        var header = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: "实有人口").Cast<IDictionary<string, object?>>().Single().Keys;
        Assert.Equal(["姓名*", "公民身份号码*", "人口类型*", "现住地址"], header.Take(4));
        // Its own headers (with the * marks) are understood as they come.
        var upload = await kit.UploadAsync("community", "模板.xlsx", bytes);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
    }
}
