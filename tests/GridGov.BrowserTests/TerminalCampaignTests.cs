using System.Text.Json;
using System.Text.RegularExpressions;
using GridGov.Features.Organization;
using GridGov.Features.Terminal.Campaigns;
using GridGov.Infrastructure.Places;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkiaSharp;

namespace GridGov.BrowserTests;

// 重点专项工作 end to end: the community's director publishes at a 1366×768 desk, the grid's worker
// does the task on a phone over 3G with a photo, and the director's page shows the progress.
[Collection(BrowserCollection.Name)]
public sealed class TerminalCampaignTests(BrowserApp app)
{
    const long Community = 320102002001;

    GridDbContext Db() => app.Services.GetRequiredService<GridDatabase>().CreateUnscoped(AuditActor.System);

    [Fact]
    public async Task A_director_publishes_a_worker_does_the_task_on_a_phone_and_the_progress_shows()
    {
        List<(long Code, string Name)> grids;
        await using (var db = Db())
        {
            var (from, to) = (Community * 1000, Community * 1000 + 999);
            grids = [.. (await db.OrgUnits.Where(u => u.Code >= from && u.Code <= to && u.Level == OrgLevel.Grid).OrderBy(u => u.Code).Take(2).Select(u => new { u.Code, u.Name }).ToListAsync())
                .Select(u => (u.Code, u.Name))];
        }
        var name = "电动车充电安全排查" + Random.Shared.Next(1000, 10000);

        // The director publishes through the office form.
        var desk = await app.LoginAsync("community");
        await desk.SetViewportSizeAsync(1366, 768);
        await BrowserApp.OpenAsync(desk, "/campaigns");
        await desk.Locator("#campaigns-new").ClickAsync();
        var modal = desk.Locator(".ant-modal", new() { Has = desk.Locator("#campaign-form") });
        await desk.FillAsync("#campaign-name", name);
        await modal.Locator(".ant-modal-title").ClickAsync();
        await desk.FillAsync("#campaign-checklist", "楼道内无电动车停放\n无飞线充电\n充电桩运行正常");
        await modal.Locator(".ant-modal-title").ClickAsync();
        try
        {
            await desk.Locator("#campaign-grids .ant-select-selector").ClickAsync();
            foreach (var (_, gridName) in grids)
                await desk.Locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-content",
                    new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(gridName)}\\s*$") }).ClickAsync();
        }
        catch
        {
            await BrowserApp.ShotAsync(desk, "campaign-publish-form-failed");
            throw;
        }
        await modal.Locator(".ant-modal-title").ClickAsync();
        await Assertions.Expect(desk.Locator("#campaign-f-grids")).ToContainTextAsync("已选 2");
        await BrowserApp.ShotAsync(desk, "campaign-publish-form-1366");
        await modal.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(desk.Locator(".ant-message")).ToContainTextAsync("生成 2 项任务", new() { Timeout = 15_000 });
        var row = desk.Locator("#campaigns-table tr.ant-table-row", new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("0/2");
        await Assertions.Expect(row).ToContainTextAsync("进行中");
        await BrowserApp.ShotAsync(desk, "campaign-list-1366");

        long campaignId, taskId;
        await using (var db = Db())
        {
            var c = await db.Set<Campaign>().SingleAsync(c => c.Name == name);
            campaignId = c.Id;
            var tasks = await db.Set<CampaignTask>().Where(t => t.CampaignId == c.Id).OrderBy(t => t.GridCode).ToListAsync();
            Assert.Equal(grids.Select(g => (g.Code, g.Name)), tasks.Select(t => (t.GridCode, t.Target)));
            taskId = tasks[0].Id;
        }

        // The first grid's worker sees it on the work list and under 专项任务, and does it over 3G.
        var (lon, lat) = await app.GridPointAsync("grid");
        var phone = await app.PhoneAsync("grid", lon, lat);
        await BrowserApp.ThrottleAsync(phone);
        var list = JsonDocument.Parse(await (await phone.Context.APIRequest.GetAsync("/api/v1/terminal/worklist")).TextAsync()).RootElement;
        var pending = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "tasks").GetProperty("pending").GetInt32();
        Assert.True(pending >= 1);
        await Assertions.Expect(phone.Locator("[data-work='tasks'] [data-pending]")).ToHaveTextAsync(pending.ToString());
        await BrowserApp.ShotAsync(phone, "m-home-tasks");
        await phone.Locator("[data-work='tasks']").ClickAsync();
        await phone.WaitForURLAsync(u => u.EndsWith("/m/tasks"));
        var section = phone.Locator($"section[data-campaign='{campaignId}']");
        await Assertions.Expect(section).ToContainTextAsync(name);
        await Assertions.Expect(section.Locator("[data-progress]")).ToHaveTextAsync("0/1");
        await Assertions.Expect(section.Locator("a[data-task]")).ToHaveCountAsync(1);
        await BrowserApp.ShotAsync(phone, "m-tasks");
        await section.Locator($"a[data-task='{taskId}']").ClickAsync();
        await phone.WaitForURLAsync(u => u.EndsWith($"/m/tasks/{taskId}"));
        var boxes = phone.Locator("#m-task-checks input[type=checkbox]");
        await Assertions.Expect(boxes).ToHaveCountAsync(3);
        await boxes.Nth(0).CheckAsync();
        await boxes.Nth(2).CheckAsync();
        await phone.FillAsync("textarea[name=note]", "3号楼一楼发现一处飞线充电，已当场劝导拆除");
        await phone.SetInputFilesAsync("input[name=photos]", new FilePayload { Name = "scene.jpg", MimeType = "image/jpeg", Buffer = Jpeg() });
        await Assertions.Expect(phone.Locator(".m-photos img")).ToHaveCountAsync(1);
        await Assertions.Expect(phone.Locator("[data-gps-status]")).ToContainTextAsync("已定位");
        await BrowserApp.ShotAsync(phone, "m-task-form");
        await phone.Locator("#m-task-submit").ClickAsync();
        await phone.WaitForURLAsync(u => u.EndsWith("/m/tasks"), new() { Timeout = 60_000 });
        await Assertions.Expect(phone.Locator($"section[data-campaign='{campaignId}']")).ToHaveCountAsync(0);

        await using (var db = Db())
        {
            var t = await db.Set<CampaignTask>().SingleAsync(t => t.Id == taskId);
            Assert.Equal(CampaignTaskState.Done, t.State);
            Assert.Equal("101", t.Answers);
            Assert.Equal("3号楼一楼发现一处飞线充电，已当场劝导拆除", t.Note);
            Assert.Single(t.Photos!.Split(','));
            Assert.True(Math.Abs(lon - t.Lon!.Value) < 1e-4, $"{lon} ≠ {t.Lon}");
            Assert.True(Math.Abs(lat - t.Lat!.Value) < 1e-4, $"{lat} ≠ {t.Lat}");
        }
        await phone.GotoAsync($"/m/tasks/{taskId}");
        await Assertions.Expect(phone.Locator("#m-task-done")).ToContainTextAsync("飞线充电");
        await BrowserApp.ShotAsync(phone, "m-task-done");

        // The director's page: 1/2, by grid and by worker, and the chart.
        await BrowserApp.OpenAsync(desk, $"/campaigns/{campaignId}");
        await Assertions.Expect(desk.Locator("#campaign-progress")).ToHaveTextAsync("1/2");
        await Assertions.Expect(desk.Locator("#campaign-grids tr.ant-table-row", new() { HasText = grids[0].Name })).ToContainTextAsync("1/1");
        await Assertions.Expect(desk.Locator("#campaign-grids tr.ant-table-row", new() { HasText = grids[1].Name })).ToContainTextAsync("0/1");
        var worker = desk.Locator("#campaign-workers tr.ant-table-row", new() { HasText = grids[0].Name });
        await Assertions.Expect(worker.First).ToContainTextAsync("1/1");
        await Assertions.Expect(desk.Locator("#campaign-chart svg")).ToContainTextAsync("已完成");
        await Assertions.Expect(desk.Locator("#campaign-tasks tr.ant-table-row", new() { HasText = "飞线充电" })).ToContainTextAsync("2/3 项符合");
        await BrowserApp.ShotAsync(desk, "campaign-detail-1366");
        await desk.GotoAsync("/campaigns");
        await Assertions.Expect(desk.Locator("#campaigns-table tr.ant-table-row", new() { HasText = name })).ToContainTextAsync("1/2");
    }

    [Fact]
    public async Task The_form_shows_the_servers_reasons_and_publishes_to_a_communitys_buildings()
    {
        var desk = await app.LoginAsync("community");
        await desk.SetViewportSizeAsync(1366, 768);
        await BrowserApp.OpenAsync(desk, "/campaigns");
        await desk.Locator("#campaigns-new").ClickAsync();
        var modal = desk.Locator(".ant-modal", new() { Has = desk.Locator("#campaign-form") });
        await modal.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(desk.Locator("#campaign-f-name .gg-field-message")).ToHaveTextAsync("请填写专项工作名称");
        await Assertions.Expect(desk.Locator("#campaign-f-checklist .gg-field-message")).ToHaveTextAsync("请至少填写一项检查内容");
        await Assertions.Expect(desk.Locator("#campaign-f-grids .gg-field-message")).ToHaveTextAsync("请选择至少一个网格");

        var name = "楼栋消防器材检查" + Random.Shared.Next(1000, 10000);
        await desk.FillAsync("#campaign-name", name);
        await modal.Locator(".ant-modal-title").ClickAsync();
        await desk.FillAsync("#campaign-checklist", "灭火器在有效期内");
        await modal.Locator(".ant-modal-title").ClickAsync();
        await desk.Locator("#campaign-kind label", new() { HasText = "按地址" }).ClickAsync();
        await Assertions.Expect(desk.Locator("#campaign-f-addresses .gg-field-label")).Not.ToContainTextAsync("/ 0 个");
        await desk.Locator("#campaign-addresses-all").ClickAsync();
        await Assertions.Expect(desk.Locator("#campaign-f-addresses .gg-field-label")).Not.ToContainTextAsync("已选 0 /");
        var label = await desk.Locator("#campaign-f-addresses .gg-field-label").InnerTextAsync();
        var count = int.Parse(Regex.Match(label, @"已选 (\d+) / (\d+)").Groups[1].Value);
        Assert.True(count > 0, label);
        await BrowserApp.ShotAsync(desk, "campaign-publish-addresses-1366");
        await modal.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(desk.Locator(".ant-message")).ToContainTextAsync($"生成 {count} 项任务");
        await using var db = Db();
        var c = await db.Set<Campaign>().SingleAsync(c => c.Name == name);
        Assert.Equal(CampaignTargetKind.Addresses, c.TargetKind);
        var tasks = await db.Set<CampaignTask>().Where(t => t.CampaignId == c.Id).ToListAsync();
        Assert.Equal(count, tasks.Count);
        Assert.All(tasks, t => Assert.NotNull(t.AddressId));
    }

    static byte[] Jpeg()
    {
        using var bitmap = new SKBitmap(640, 480);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
            using var paint = new SKPaint { Color = SKColors.Orange };
            canvas.DrawRect(200, 150, 240, 180, paint);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
