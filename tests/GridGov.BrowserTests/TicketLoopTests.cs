using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// One ticket round the whole loop of DESIGN.md §5, each step by the account whose job it is.
[Collection(BrowserCollection.Name)]
public sealed class TicketLoopTests(BrowserApp app)
{
    static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    // Another picture (16×16 green): photos are decoded and stored once per picture, not per file.
    static readonly byte[] GreenPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR4nGPQWGBDEmIY1TCqYfhqAAAmYgQQV7FoPwAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_grid_worker_report_goes_round_the_loop_across_five_accounts_and_closes()
    {
        // The street acceptor has the command centre open before anything is reported.
        var acceptor = await app.LoginAsync("acceptor");
        await BrowserApp.OpenAsync(acceptor, "/tickets?queue=Reported");
        var waiting = acceptor.Locator("#queue-tiles [data-queue=Reported] .gg-tile-count");
        var before = int.Parse(await waiting.InnerTextAsync());

        // 1. The grid worker reports exposed rubbish in their grid, with a photo.
        var grid = await app.LoginAsync("grid");
        await BrowserApp.OpenAsync(grid, "/tickets/new");
        await Pick(grid, "事件分类", "暴露垃圾");
        await grid.FillAsync("#f-description", "梅园新村12号楼东侧垃圾堆放三天无人清运，气味很大");
        await grid.FillAsync("#f-address", "梅园新村12号楼东侧");
        var map = grid.Locator("#pick-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-ready", "1");
        await map.ClickAsync();
        await Assertions.Expect(grid.Locator(".gg-field-label", new() { HasTextString = "位置：" })).Not.ToContainTextAsync("请在右侧地图上点选");
        await grid.SetInputFilesAsync("#f-photos input[type=file]", new FilePayload { Name = "scene.png", MimeType = "image/png", Buffer = Png });
        await Assertions.Expect(grid.Locator("#f-photos .ant-upload-list-item-done img")).ToHaveCountAsync(1);
        await BrowserApp.ShotAsync(grid, "ticket-1-report");
        await grid.ClickAsync("#ticket-submit");
        // Other tests may have reported rubbish here already: then the similar open tickets are shown
        // first, and 查看新工单 goes on to the new one.
        var similar = grid.GetByRole(AriaRole.Button, new() { Name = "查看新工单" });
        for (var i = 0; i < 60 && !new Regex(@"/tickets/\d+$").IsMatch(grid.Url); i++)
        {
            if (await similar.IsVisibleAsync()) await similar.ClickAsync();
            await grid.WaitForTimeoutAsync(500);
        }
        await grid.WaitForURLAsync(new Regex(@"/tickets/\d+$"));
        var url = new Uri(grid.Url).AbsolutePath;
        await ExpectState(grid, "待受理");
        await Assertions.Expect(grid.Locator("#ticket-photos img")).ToHaveCountAsync(1);

        // 2. It appears in the acceptor's 待受理 without a reload, and the acceptor accepts it.
        await Assertions.Expect(waiting).ToHaveTextAsync((before + 1).ToString());
        await Assertions.Expect(acceptor.Locator("#tickets-table .ant-table-row").First).ToContainTextAsync("垃圾堆放三天");
        await BrowserApp.ShotAsync(acceptor, "ticket-2-queue");
        await Act(acceptor, url, "Accept", "待派遣");

        // 3. The dispatcher sends it to the street's 城管中队, which the category suggests.
        var dispatcher = await app.LoginAsync("dispatcher");
        await BrowserApp.OpenAsync(dispatcher, url);
        await dispatcher.ClickAsync("#act-Dispatch");
        await Assertions.Expect(dispatcher.Locator("#action-form .gg-suggestion")).ToContainTextAsync("城管中队");
        await Assertions.Expect(dispatcher.Locator("#action-form .ant-select-selection-item").First).ToContainTextAsync("城管中队");
        await BrowserApp.ShotAsync(dispatcher, "ticket-3-dispatch");
        await Confirm(dispatcher, "处置中");

        // 4. The department reports back with a photo.
        var handler = await app.LoginAsync("handler");
        await BrowserApp.OpenAsync(handler, url);
        await handler.ClickAsync("#act-ReportBack");
        await handler.FillAsync("#f-note", "已安排环卫车清运，并对周边进行了冲洗");
        await handler.SetInputFilesAsync("#action-form input[type=file]", new FilePayload { Name = "after.png", MimeType = "image/png", Buffer = GreenPng });
        await Assertions.Expect(handler.Locator("#action-form .gg-photo-upload .ant-upload-list-item-done img")).ToHaveCountAsync(1);
        await Confirm(handler, "待核查");

        // 5. The grid worker checks on site.
        await BrowserApp.OpenAsync(grid, url);
        await Act(grid, url, "VerifyPass", "待结案");

        // 6. The duty chief closes it.
        var chief = await app.LoginAsync("chief");
        await BrowserApp.OpenAsync(chief, url);
        await Act(chief, url, "Close", "已结案");
        var timeline = chief.Locator("#ticket-timeline");
        foreach (var step in new[] { "上报", "受理立案", "派遣", "处置反馈", "核查通过", "结案" })
            await Assertions.Expect(timeline).ToContainTextAsync(step);
        await Assertions.Expect(chief.Locator("#ticket-photos img")).ToHaveCountAsync(2);
        await BrowserApp.ShotAsync(chief, "ticket-4-closed");

        // The reporter is told, and may now evaluate it.
        await BrowserApp.OpenAsync(grid, url);
        await Assertions.Expect(grid.Locator("#act-Evaluate")).ToBeVisibleAsync();
        await Assertions.Expect(grid.Locator("#notice-bell .ant-badge-count")).ToContainTextAsync("1");
        await grid.ClickAsync("#notice-bell");
        await Assertions.Expect(grid.Locator("#notices")).ToContainTextAsync("已结案");
        await BrowserApp.ShotAsync(grid, "ticket-5-notice");
    }

    internal static async Task Pick(IPage page, string field, string option)
    {
        // Typing narrows the searchable select to the option; a click right after the page turned
        // interactive, or while the machine is busy, can be lost: so open, type and click until the
        // select shows the option as chosen.
        var box = page.Locator(".gg-field", new() { Has = page.Locator(".gg-field-label", new() { HasTextString = field }) });
        var select = box.Locator(".ant-select-selector");
        var chosen = box.Locator(".ant-select-selection-item", new() { HasTextString = option });
        var item = page.Locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", new() { HasTextString = option }).First;
        for (var attempt = 0; attempt < 5 && !await chosen.IsVisibleAsync(); attempt++)
        {
            if (!await item.IsVisibleAsync())
            {
                await select.ClickAsync();
                await page.Keyboard.TypeAsync(option);
                try { await item.WaitForAsync(new() { Timeout = 3000 }); } catch (TimeoutException) { continue; }
            }
            await item.ClickAsync();
            try { await chosen.WaitForAsync(new() { Timeout = 3000 }); } catch (TimeoutException) { }
        }
        await Assertions.Expect(chosen).ToBeVisibleAsync();
    }

    static async Task<bool> ClosesAsync(ILocator form, int ms)
    {
        try { await form.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = ms }); return true; }
        catch (TimeoutException) { return false; }
    }

    static async Task ExpectState(IPage page, string state) =>
        await Assertions.Expect(page.Locator("#ticket-state")).ToHaveTextAsync(state);

    static async Task Act(IPage page, string url, string action, string state)
    {
        if (!page.Url.EndsWith(url)) await BrowserApp.OpenAsync(page, url);
        await page.ClickAsync($"#act-{action}");
        await Confirm(page, state);
    }

    // The form closes when the step is taken, or stays with the reason under it: a conflict or a
    // field's error is named in the failure rather than read as a slow state. A click that left the
    // form open with nothing under it and the button idle is made once more, as a user would; if the
    // button is still busy, the server is, and the failure says so.
    static async Task Confirm(IPage page, string state)
    {
        var ok = page.Locator(".ant-modal-footer .ant-btn-primary");
        var form = page.Locator("#action-form");
        await ok.ClickAsync();
        if (!await ClosesAsync(form, 10_000))
        {
            var busy = (await ok.GetAttributeAsync("class") ?? "").Contains("ant-btn-loading");
            await BrowserApp.ShotAsync(page, $"ticket-form-stayed-{state}");
            var said = await form.Locator(".ant-alert, .gg-field-message").CountAsync() > 0;
            if (!busy && !said && await ok.IsEnabledAsync()) await ok.ClickAsync();
            if (!await ClosesAsync(form, 20_000))
                Assert.Fail($"期望状态“{state}”，但办理表单未关闭（确定按钮{(busy ? "仍在提交" : "空闲")}）：{await form.InnerTextAsync()}");
        }
        await ExpectState(page, state);
    }
}
