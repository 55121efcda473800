using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Features.Organization;
using GridGov.Features.Tickets;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// 现场核查 on a phone: a ticket the department reports handled waits in the worker's 事件核查; the worker
// looks on site and passes it, or sends it back with a photo and the reason.
[Collection(BrowserCollection.Name)]
public sealed class TerminalCheckTests(BrowserApp app)
{
    async Task<HttpClient> ApiAsync(string user)
    {
        var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = app.Password(user) });
        token.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return http;
    }

    async Task ActAsync(string user, long id, string action, Dictionary<string, object?>? body = null)
    {
        using var http = await ApiAsync(user);
        var version = (await http.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{id}")).GetProperty("version").GetInt32();
        body ??= [];
        body["version"] = version;
        var r = await http.PostAsJsonAsync($"/api/v1/tickets/{id}/actions/{action}", body);
        Assert.True(r.IsSuccessStatusCode, $"{action}: {await r.Content.ReadAsStringAsync()}");
    }

    // A ticket in the worker's grid, through the loop as far as 已处置.
    async Task<(long Id, string Text)> HandledAsync(double lon, double lat)
    {
        var text = "小区北门路灯不亮，晚上很黑 " + Random.Shared.Next(100000, 1000000);
        using var grid = await ApiAsync("grid");
        var made = await grid.PostAsJsonAsync("/api/v1/tickets", new { categoryCode = "C0118", description = text, lon, lat });
        Assert.True(made.IsSuccessStatusCode, await made.Content.ReadAsStringAsync());
        var id = (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticket").GetProperty("id").GetInt64();
        long department;
        await using (var db = app.Services.GetRequiredService<GridDatabase>().CreateUnscoped(AuditActor.System))
            department = await db.Set<Department>().Where(d => d.OrgUnitCode == 320102002 && d.Kind == "城管").Select(d => d.Id).SingleAsync();
        await ActAsync("street", id, "Accept");
        await ActAsync("street", id, "Dispatch", new() { ["departmentId"] = department });
        await ActAsync("handler", id, "ReportBack", new() { ["note"] = "已更换灯泡" });
        return (id, text);
    }

    [Fact]
    public async Task A_handled_ticket_is_checked_on_site_and_passed_from_the_phone()
    {
        var (lon, lat) = await app.GridPointAsync("grid");
        var (id, _) = await HandledAsync(lon, lat);
        var page = await app.PhoneAsync("grid", lon, lat);
        await BrowserApp.ThrottleAsync(page);
        await page.Locator("[data-work='checks']").TapAsync();
        await page.Locator($"#m-checks [data-ticket='{id}']").TapAsync();
        await Assertions.Expect(page.Locator("#m-verify-pass")).ToBeVisibleAsync();
        await BrowserApp.ShotAsync(page, "m-check");
        await page.Locator("#m-verify-pass input[name=note]").FillAsync("现场查看，路灯已恢复照明");
        await page.Locator("#m-verify-pass button[type=submit]").TapAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/m/checks"), new() { Timeout = 30000 });
        await Assertions.Expect(page.Locator($"#m-checks [data-ticket='{id}']")).ToHaveCountAsync(0);
        await using var db = app.Services.GetRequiredService<GridDatabase>().CreateUnscoped(AuditActor.System);
        Assert.Equal(TicketState.Verified, await db.Set<Ticket>().Where(t => t.Id == id).Select(t => t.State).SingleAsync());
        await page.Context.CloseAsync();
    }
}
