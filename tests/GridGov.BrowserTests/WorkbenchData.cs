using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Features.Organization;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.BrowserTests;

// Work for every role of the street, once per run: a ticket waiting to be accepted, one to be
// dispatched, one with the street's 城管中队 under a yellow card, one handled and waiting for the grid
// worker's check. Reported by the grid worker, who then has notices.
public sealed class WorkbenchData(BrowserApp app)
{
    static readonly SemaphoreSlim Gate = new(1, 1);
    static BrowserApp? madeFor;

    public async Task EnsureAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (madeFor == app) return;
            var desk = new DeskData(app);
            var at = (await desk.PointsAsync()).Own;
            using var grid = await desk.ClientAsync("grid");
            using var street = await desk.ClientAsync("street");
            using var handler = await desk.ClientAsync("handler");
            long department;
            await using (var db = app.Services.GetRequiredService<GridDatabase>().CreateUnscoped(AuditActor.System))
                department = await db.Set<Department>().Where(d => d.OrgUnitCode == 320102002 && d.Kind == "城管").Select(d => d.Id).SingleAsync();
            await desk.ReportAsync(grid, "工作台：路边垃圾堆放待受理", at);
            var accepted = await desk.ReportAsync(grid, "工作台：人行道破损待派遣", at);
            await ActAsync(street, accepted.Id, "Accept");
            var supervised = await desk.ReportAsync(grid, "工作台：占道经营被督办", at);
            await ActAsync(street, supervised.Id, "Accept");
            await ActAsync(street, supervised.Id, "Dispatch", new() { ["departmentId"] = department });
            await ActAsync(street, supervised.Id, "Supervise", new() { ["level"] = "Yellow", ["note"] = "请尽快处置" });
            var handled = await desk.ReportAsync(grid, "工作台：路灯不亮已处置待核查", at);
            await ActAsync(street, handled.Id, "Accept");
            await ActAsync(street, handled.Id, "Dispatch", new() { ["departmentId"] = department });
            await ActAsync(handler, handled.Id, "ReportBack", new() { ["note"] = "已修复" });
            madeFor = app;
        }
        finally { Gate.Release(); }
    }

    static async Task ActAsync(HttpClient http, long id, string action, Dictionary<string, object?>? body = null)
    {
        body ??= [];
        body["version"] = (await http.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{id}")).GetProperty("version").GetInt32();
        var r = await http.PostAsJsonAsync($"/api/v1/tickets/{id}/actions/{action}", body);
        Assert.True(r.IsSuccessStatusCode, $"{action}: {await r.Content.ReadAsStringAsync()}");
    }
}
