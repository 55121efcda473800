using System.Net;
using System.Net.Http.Json;
using GridGov.Features.Registry.Focus;
using GridGov.Features.Registry.Imports;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Import;
using GridGov.Infrastructure.UseCases;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Registry;

// 重点关注对象 through the import pipeline: people found by their ID number, kinds by Chinese name,
// bad rows quarantined with field and reason, the same file twice changes nothing.
[Collection(NanjingCollection.Name)]
public sealed class FocusImportTests(GridGovApp app)
{
    readonly RegistryKit kit = new(app);

    async Task<ImportBatchView> ImportAsync(string user, byte[] file, string target = "focus")
    {
        var response = await kit.UploadAsync(user, "重点关注.xlsx", file, target);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await kit.WaitAsync(user, (await response.Content.ReadFromJsonAsync<ImportBatchView>(RegistryKit.Json))!.Id);
    }

    [Fact]
    public async Task Good_rows_are_written_bad_ones_quarantined_and_the_same_file_twice_changes_nothing()
    {
        var rooms = await kit.RoomsAsync(1);
        var (a, b, stranger) = (RegistryKit.NewId(), RegistryKit.NewId(male: false), RegistryKit.NewId());
        await kit.ImportAsync("community", "人口.xlsx", RegistryKit.Xlsx([RegistryKit.Row("导关甲", a, "户籍", rooms[0]), RegistryKit.Row("导关乙", b, "户籍", rooms[0])]));
        Dictionary<string, object?> Row(string id, string kind, string risk, string? every = null, string? worker = null, string? note = null) => new()
        {
            ["证件号码"] = id, ["关注类别"] = kind, ["风险等级"] = risk, ["走访周期（天）"] = every, ["责任网格员"] = worker, ["备注"] = note,
        };
        var file = RegistryKit.Xlsx(
        [
            Row(a, "独居老人", "高", null, "grid", "子女在外地"),
            Row(b, "社区矫正", "中", "10"),
            Row(stranger, "困难群众", "低"),
            Row(a, "外星人", "中"),
            Row(b, "残疾人", "很高"),
            Row(a, "困难群众", "低", "0"),
            Row(b, "困难群众", "低", null, "nobody-here"),
        ]);
        var first = await ImportAsync("community", file);
        Assert.Equal(ImportState.Done, first.State);
        var issues = (await (await kit.As("community")).GetFromJsonAsync<PagedResult<ImportIssueRow>>(
            $"/api/v1/registry/imports/{first.Id}/issues", RegistryKit.Json))!.Items;
        Assert.True(issues.Count == 5, string.Join(" | ", issues));
        Assert.Equal((2, 0, 0, 5), (first.Inserted, first.Updated, first.Unchanged, first.Rejected));

        Assert.Contains(issues, i => i.RowNumber == 4 && i.Field == "证件号码" && i.Reason.Contains("人员不在实有人口中"));
        Assert.Contains(issues, i => i.RowNumber == 5 && i.Field == "关注类别" && i.Reason.Contains("外星人"));
        Assert.Contains(issues, i => i.RowNumber == 6 && i.Field == "风险等级" && i.Reason.Contains("很高"));
        Assert.Contains(issues, i => i.RowNumber == 7 && i.Field == "走访周期（天）");
        Assert.Contains(issues, i => i.RowNumber == 8 && i.Field == "责任网格员" && i.Reason.Contains("nobody-here"));

        await using (var db = app.UnscopedDb())
        {
            var subjects = await db.Set<FocusSubject>().Where(s => s.ImportBatchId == first.Id).OrderBy(s => s.Kind).ToListAsync();
            Assert.Equal(["T18", "X02"], subjects.Select(s => s.Kind));
            var lonely = subjects[1];
            Assert.Equal((RiskLevel.High, 7, "子女在外地", false), (lonely.Risk, lonely.VisitEveryDays, lonely.Note, lonely.Special));
            Assert.NotNull(lonely.ResponsibleId);
            Assert.Equal((RiskLevel.Medium, 10, true), (subjects[0].Risk, subjects[0].VisitEveryDays, subjects[0].Special));
            Assert.True(await db.Set<PersonClassRecord>().AnyAsync(c => c.PersonId == subjects[0].PersonId && c.Class == "T18" && c.Special));
        }

        var again = await ImportAsync("community", file);
        Assert.Equal((0, 0, 2, 5), (again.Inserted, again.Updated, again.Unchanged, again.Rejected));

    }
}
