using GridGov.Features.Registry.Addresses;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace GridGov.BrowserTests;

// Issue 12 as a community worker does it at a 1366×768 desk: import a small XLSX of people, read the
// quarantine report, fix the rejected row in the downloaded file, import it again, then find a person
// by ID number (masked) and see the full number only on asking (audited).
[Collection(BrowserCollection.Name)]
public sealed class RegistryImportTests(BrowserApp app)
{
    static string NewId(int seq)
    {
        var first = $"32010219{Random.Shared.Next(60, 99)}0{Random.Shared.Next(1, 9)}1{Random.Shared.Next(0, 9)}{seq:000}";
        int[] w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first[i] - '0') * w[i];
        return first + "10X98765432"[sum % 11];
    }

    async Task<List<string>> RoomsAsync()
    {
        await using var db = app.Services.GetRequiredService<GridDatabase>().CreateUnscoped(AuditActor.System);
        return await db.Set<Address>().Where(a => a.CommunityCode == 320102002001 && a.Code.Length == AddressCodes.MaxLength)
            .OrderBy(a => a.Id).Select(a => a.FullName).Take(3).ToListAsync();
    }

    [Fact]
    public async Task A_community_worker_imports_fixes_a_row_reimports_and_finds_a_person_by_id()
    {
        var rooms = await RoomsAsync();
        var (a, b, c) = (NewId(101), NewId(203), NewId(305));
        var file = Path.Combine(BrowserApp.Screenshots, $"人口{Random.Shared.Next(100_000, 999_999)}.xlsx");
        MiniExcel.SaveAs(file, new[]
        {
            new Dictionary<string, object?> { ["姓名"] = "浏览甲", ["公民身份号码"] = a, ["人口类型"] = "户籍", ["现住地址"] = rooms[0], ["联系电话"] = "13912345678" },
            new Dictionary<string, object?> { ["姓名"] = "浏览乙", ["公民身份号码"] = b, ["人口类型"] = "流动", ["现住地址"] = rooms[1], ["联系电话"] = "" },
            new Dictionary<string, object?> { ["姓名"] = "浏览丙", ["公民身份号码"] = c, ["人口类型"] = "外来", ["现住地址"] = rooms[2], ["联系电话"] = "" },
        });

        var page = await app.LoginAsync("community");
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserApp.OpenAsync(page, "/registry/imports");
        await page.SetInputFilesAsync("#import-file", file);
        await Assertions.Expect(page.Locator("#import-report-stats")).ToContainTextAsync("未通过");
        await Assertions.Expect(page.Locator("#import-report-state")).ToContainTextAsync("已完成", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#import-issues")).ToContainTextAsync("人口类型");
        await Assertions.Expect(page.Locator("#import-issues")).ToContainTextAsync("“外来”应为户籍、流动、寄住或境外");
        await Assertions.Expect(page.Locator("#import-issues tr.ant-table-row").First).ToContainTextAsync("4");
        await BrowserApp.ShotAsync(page, "registry-import-report");

        // The rejected row, downloaded with its reason, fixed and imported again.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#import-corrections"));
        var corrections = Path.Combine(BrowserApp.Screenshots, $"待修正{Random.Shared.Next(100_000, 999_999)}.xlsx");
        await download.SaveAsAsync(corrections);
        var rows = MiniExcel.Query(corrections, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal(c, row["公民身份号码"]);
        Assert.Contains("第 4 行", row["错误原因"]?.ToString());
        row["人口类型"] = "流动";
        var fixedFile = Path.Combine(BrowserApp.Screenshots, $"已修正{Random.Shared.Next(100_000, 999_999)}.xlsx");
        MiniExcel.SaveAs(fixedFile, new[] { row.ToDictionary(k => k.Key, k => k.Value) });
        await page.Locator(".ant-drawer-close").ClickAsync();
        await page.SetInputFilesAsync("#import-file", fixedFile);
        await Assertions.Expect(page.Locator("#import-all-good")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.Locator(".ant-drawer-close").ClickAsync();
        await Assertions.Expect(page.Locator("#imports-table tr.ant-table-row").First).ToContainTextAsync("新增 1");
        await BrowserApp.ShotAsync(page, "registry-imports-1366");

        // Found by the full ID number, shown masked; the full number on asking.
        await BrowserApp.OpenAsync(page, "/registry/people");
        await page.FillAsync("#people-search", c);
        await page.PressAsync("#people-search", "Enter");
        await Assertions.Expect(page.Locator("#people-toolbar-total")).ToHaveTextAsync("共 1 条");
        var masked = c[..4] + "**********" + c[^4..];
        await Assertions.Expect(page.Locator("#people-table tbody")).ToContainTextAsync(masked);
        await Assertions.Expect(page.Locator("#people-table tbody")).Not.ToContainTextAsync(c);
        await BrowserApp.ShotAsync(page, "registry-people-found");
        await page.Locator("#people-table .person-open").First.ClickAsync();
        await Assertions.Expect(page.Locator("#person-id")).ToHaveTextAsync(masked);
        await page.Locator("#gg-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.ClickAsync("#person-reveal");
        await page.Locator(".ant-popover .ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator("#person-id")).ToHaveTextAsync(c);
        await Assertions.Expect(page.Locator("#person-revealed")).ToBeVisibleAsync();
        await BrowserApp.ShotAsync(page, "registry-person-revealed");

        foreach (var f in new[] { file, corrections, fixedFile }) File.Delete(f);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_people_list_fits_an_office_screen_with_its_key_columns()
    {
        var page = await app.LoginAsync("community");
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserApp.OpenAsync(page, "/registry/people");
        await Assertions.Expect(page.Locator("#people-table tr.ant-table-row").First).ToBeVisibleAsync();
        foreach (var title in new[] { "姓名", "公民身份号码", "人口类型", "现住地址", "核实状态", "操作" })
        {
            var box = await page.Locator("#people-table th", new() { HasText = title }).First.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X + box.Width <= 1366, $"{title} ends at {box.X + box.Width}");
        }
        await BrowserApp.ShotAsync(page, "registry-people-1366");
        await page.Context.CloseAsync();
    }
}
