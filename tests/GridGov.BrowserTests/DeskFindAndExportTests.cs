using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace GridGov.BrowserTests;

// Find by number from the header, and the XLSX export of a filtered queue (issue 11).
[Collection(BrowserCollection.Name)]
public sealed class DeskFindAndExportTests(BrowserApp app)
{
    readonly DeskData data = new(app);

    [Fact]
    public async Task A_ticket_is_opened_by_its_number_from_the_header_and_another_streets_is_not()
    {
        var marker = "编号" + Random.Shared.Next(100_000, 1_000_000);
        var (own, other) = await data.PointsAsync();
        var mine = await data.ReportAsync(await data.ClientAsync("street"), $"{marker}窨井盖破损", own);
        var elsewhere = await data.ReportAsync(await data.ClientAsync("admin"), $"{marker}别的街道的井盖", other);

        var page = await app.LoginAsync("acceptor");
        await BrowserApp.OpenAsync(page, "/");
        await page.FillAsync("#ticket-find-input", mine.Number);
        await page.PressAsync("#ticket-find-input", "Enter");
        await page.WaitForURLAsync(new Regex($"/tickets/{mine.Id}$"));
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync(marker + "窨井盖破损");
        await BrowserApp.ShotAsync(page, "desk-find-found");

        await page.Locator("#gg-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.FillAsync("#ticket-find-input", elsewhere.Number);
        await page.PressAsync("#ticket-find-input", "Enter");
        await Assertions.Expect(page.Locator(".ant-message")).ToContainTextAsync($"您的数据范围内没有编号为 {elsewhere.Number} 的工单");
        Assert.EndsWith($"/tickets/{mine.Id}", page.Url);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_export_of_a_filtered_queue_holds_exactly_its_rows()
    {
        var marker = "导出" + Random.Shared.Next(100_000, 1_000_000);
        var street = await data.ClientAsync("street");
        var (own, other) = await data.PointsAsync();
        var wanted = new List<DeskData.Reported>();
        for (var i = 0; i < 3; i++) wanted.Add(await data.ReportAsync(street, $"{marker}共享单车乱停放第{i}处", own, "C0101"));
        await data.ReportAsync(street, "同一时段的其他事件，不含标记", own);
        await data.ReportAsync(await data.ClientAsync("admin"), $"{marker}别的街道", other);

        var page = await app.LoginAsync("street");
        await BrowserApp.OpenAsync(page, "/tickets?queue=All");
        await page.FillAsync("#tickets-keyword", marker);
        await page.PressAsync("#tickets-keyword", "Enter");
        await Assertions.Expect(page.Locator("#tickets-toolbar-total")).ToHaveTextAsync("共 3 条");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#tickets-toolbar-export"));
        Assert.Matches(@"^工单-\d{8}-\d{4}\.xlsx$", download.SuggestedFilename);
        var path = Path.Combine(BrowserApp.Screenshots, $"desk-export-{marker}.xlsx");
        await download.SaveAsAsync(path);
        var rows = MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(wanted.Select(t => t.Number).Order(), rows.Select(r => r["编号"]?.ToString()).Order());
        Assert.All(rows, r => Assert.Contains(marker, r["描述"]?.ToString()));
        Assert.All(rows, r => Assert.Equal("待受理", r["状态"]));
        File.Delete(path);
        await page.Context.CloseAsync();
    }
}
