using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Features.Analytics.Warnings;
using GridGov.Features.Identity;
using GridGov.Features.Tickets;
using GridGov.Tests.Infrastructure;
using GridGov.Tests.Registry;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Analytics.Warnings;

// Handling through the API as the street command centre: 确认, 转督办 (Tickets' own supervision of
// every open evidence ticket), 转工单 (a new ticket through intake), 忽略 with a reason; each audited
// and in the warning's history; a warning handled already answers 409.
[Collection(NanjingCollection.Name)]
public sealed class WarningHandlingTests(GridGovApp app)
{
    // 北安门社区 of 梅园新村街道, the demo street centre's area.
    public const long OwnCommunity = 320102002011;
    const string Url = "/api/v1/analytics/warnings";
    static int slot;
    readonly WarningKit kit = new(app);
    readonly RegistryKit clients = new(app);

    // A warning on three fresh tickets of its own, days in the past so that no two tests share a window.
    public static async Task<Warning> RaiseAsync(WarningKit kit, long community, string category = "G0104")
    {
        var at = DateTime.UtcNow.AddDays(-3 * Interlocked.Increment(ref slot)).AddHours(-1);
        var rule = await kit.RuleAsync(new() { Name = "处置测试", Kind = WarningKind.Threshold, AreaCode = community, CategoryCode = category, MinCount = 3, WindowHours = 24 });
        var grid = (await kit.GridsOfAsync(community))[0];
        await kit.TicketsAsync(Enumerable.Range(1, 3).Select(i => new TicketSeed(grid, category, at.AddHours(-i))));
        return Assert.Single(await kit.EvaluateAsync(rule, at));
    }

    async Task<HttpResponseMessage> PostAsync(string user, long id, string action, object body) =>
        await (await clients.As(user)).PostAsJsonAsync($"{Url}/{id}/{action}", body, RegistryKit.Json);

    async Task<WarningHandled> OkAsync(HttpResponseMessage r)
    {
        Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return (await r.Content.ReadFromJsonAsync<WarningHandled>(RegistryKit.Json))!;
    }

    [Fact]
    public async Task Acknowledged_then_supervised_every_open_evidence_ticket_is_supervised_by_the_centre_and_the_history_says_so()
    {
        var w = await RaiseAsync(kit, OwnCommunity);
        var evidence = await kit.EvidenceAsync(w.Id);
        // Through the context, not ExecuteUpdate: the rollups follow every save (TallyTests checks them).
        await using (var db = app.UnscopedDb())
        {
            (await db.Tickets.SingleAsync(t => t.Id == evidence[0])).State = TicketState.Closed;
            await db.SaveChangesAsync();
        }

        var ack = await OkAsync(await PostAsync("street", w.Id, "acknowledge", new { version = 0, note = "已安排人员核实" }));
        Assert.Equal(WarningState.Acknowledged, ack.Warning.Warning.State);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync("street", w.Id, "acknowledge", new { version = 1 })).StatusCode);
        // 派遣员 reads warnings but does not handle them.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync("dispatcher", w.Id, "supervise", new { version = 1, level = "Yellow" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync("street", w.Id, "supervise", new { version = 0, level = "Yellow" })).StatusCode);

        var done = await OkAsync(await PostAsync("street", w.Id, "supervise", new { version = 1, level = "Yellow", note = "劳资纠纷集中，请加快处置" }));
        Assert.Equal(WarningState.Supervised, done.Warning.Warning.State);
        Assert.Equal([false, true, true], done.Supervised.OrderBy(s => s.TicketId).Select(s => s.Done));
        await using (var db = app.UnscopedDb())
        {
            var tickets = await db.Tickets.Where(t => evidence.Contains(t.Id)).OrderBy(t => t.Id).ToListAsync();
            Assert.Equal([Supervision.None, Supervision.Yellow, Supervision.Yellow], tickets.Select(t => t.Supervision));
            var events = await db.TicketEvents.Where(e => evidence.Contains(e.TicketId) && e.Action == TicketAction.Supervise).ToListAsync();
            Assert.Equal(2, events.Count);
            Assert.All(events, e => Assert.Equal("劳资纠纷集中，请加快处置", e.Note));
            var key = w.Id.ToString();
            Assert.Equal(2, await db.AuditRecords.CountAsync(a => a.EntityType == nameof(Warning) && a.EntityKey == key && a.Action == "Update" && a.ActorName == "street"));
        }
        Assert.Equal([WarningAction.Raise, WarningAction.Acknowledge, WarningAction.Supervise], done.Warning.History.Select(h => h.Action));
        Assert.Contains("督办 2 件，1 件未督办", done.Warning.History[^1].Note);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync("street", w.Id, "supervise", new { version = 2, level = "Red" })).StatusCode);
    }

    [Fact]
    public async Task A_ticket_made_from_a_warning_is_a_staff_ticket_in_its_area_and_only_one_is_made()
    {
        var w = await RaiseAsync(kit, OwnCommunity);
        var evidence = await kit.EvidenceAsync(w.Id);
        var done = await OkAsync(await PostAsync("street", w.Id, "ticket", new { version = 0 }));
        Assert.Equal(WarningState.Ticketed, done.Warning.Warning.State);
        var id = Assert.IsType<long>(done.TicketId);
        await using (var db = app.UnscopedDb())
        {
            var t = await db.Tickets.SingleAsync(x => x.Id == id);
            var grid = await db.Tickets.Where(x => x.Id == evidence[0]).Select(x => x.GridCode).SingleAsync();
            var streetUser = await db.Users.Where(u => u.UserName == "street").Select(u => u.Id).SingleAsync();
            Assert.Equal((TicketSource.Staff, grid, streetUser, TicketState.Reported), (t.Source, t.GridCode, t.ReporterId, t.State));
            Assert.StartsWith("【预警转工单】" + w.Title, t.Description);
            Assert.Equal("G0104", await db.TicketCategories.Where(c => c.Id == t.CategoryId).Select(c => c.Code).SingleAsync());
        }
        Assert.Equal(WarningAction.ToTicket, done.Warning.History[^1].Action);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync("street", w.Id, "ticket", new { version = 1 })).StatusCode);
        await using (var db = app.UnscopedDb())
            Assert.Equal(1, await db.Tickets.CountAsync(t => t.ClientRequestId == $"warning-{w.Id}"));
    }

    [Fact]
    public async Task Ignoring_needs_a_reason_and_the_export_lists_the_ignored_warning()
    {
        var w = await RaiseAsync(kit, OwnCommunity);
        var bad = await PostAsync("street", w.Id, "ignore", new { version = 0, note = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("请填写忽略的原因", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("note")[0].GetString());
        var done = await OkAsync(await PostAsync("street", w.Id, "ignore", new { version = 0, note = "同一单位的集体讨薪，已在处理中" }));
        Assert.Equal((WarningState.Ignored, "同一单位的集体讨薪，已在处理中"), (done.Warning.Warning.State, done.Warning.HandledNote));

        var file = await (await clients.As("street")).GetAsync($"{Url}/export?state=Ignored");
        Assert.True(file.IsSuccessStatusCode);
        using var stream = new MemoryStream(await file.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => (string?)r["标题"] == w.Title && (string?)r["状态"] == "已忽略" && (string?)r["处置说明"] == "同一单位的集体讨薪，已在处理中");
        Assert.All(rows, r => Assert.Equal("已忽略", r["状态"]));
    }
}
