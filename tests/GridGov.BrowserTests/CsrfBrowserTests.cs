using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Features.Audit;
using GridGov.Features.Identity;
using GridGov.Infrastructure.Database;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// Cross-site request forgery as it was done: the admin is logged in, then opens a page served from
// another port of the same host whose form posts itself to GridGov. The browser sends the admin's
// cookie (SameSite does not separate ports); without the page's token nothing happens.
[Collection(BrowserCollection.Name)]
public sealed class CsrfBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task A_form_on_another_port_neither_disables_an_account_nor_logs_the_admin_out()
    {
        var target = await CreateTargetAsync();
        var victim = await app.LoginAsync("admin");

        await using var evil = await EvilSiteAsync(
            ("/disable", $"{app.BaseUrl}/api/v1/users/{target}/disable"),
            ("/reset", $"{app.BaseUrl}/api/v1/users/{target}/reset-password"),
            ("/logout", $"{app.BaseUrl}/account/logout"));
        var evilUrl = evil.Urls.First();
        foreach (var path in new[] { "/disable", "/reset", "/logout" })
        {
            var answer = victim.WaitForResponseAsync(r => r.Url.StartsWith(app.BaseUrl) && r.Request.Method == "POST");
            await victim.GotoAsync(evilUrl + path);
            Assert.Equal(400, (await answer).Status);
        }

        await using (var db = app.Services.GetRequiredService<GridDatabase>().CreateUnscoped(AuditActor.System))
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == target);
            Assert.False(user.Disabled);
            Assert.Equal(Stamp, user.SecurityStamp);
        }
        // Still logged in: the app's page shows the admin, and the API answers with the cookie.
        await BrowserApp.OpenAsync(victim, "/");
        await Assertions.Expect(victim.Locator("#current-user")).ToContainTextAsync("admin");
        Assert.Equal(200, (await victim.Context.APIRequest.GetAsync($"{app.BaseUrl}/api/v1/auth/me")).Status);
    }

    string? Stamp;

    async Task<long> CreateTargetAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var token = await (await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = app.Password("admin") }))
            .Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        var created = await http.PostAsJsonAsync("/api/v1/users", new
        {
            userName = "csrf_" + Guid.NewGuid().ToString("N")[..8], displayName = "防伪目标", orgUnitCode = 320102002,
            dataScope = "UnitAndBelow", roles = new[] { "grid_worker" }, password = "Csrf-target-4k",
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("id").GetInt64();
        await using var db = app.Services.GetRequiredService<GridDatabase>().CreateUnscoped(AuditActor.System);
        Stamp = (await db.Users.AsNoTracking().SingleAsync(u => u.Id == id)).SecurityStamp;
        return id;
    }

    // The other site: one page per attack, each a form that submits itself on load.
    static async Task<WebApplication> EvilSiteAsync(params (string Path, string Action)[] pages)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var site = builder.Build();
        foreach (var (path, action) in pages)
            site.MapGet(path, () => Results.Content(
                $"""<!DOCTYPE html><html><body><form id="f" method="post" action="{action}"><input type="hidden" name="x" value="1"></form><script>document.getElementById('f').submit()</script></body></html>""",
                "text/html"));
        await site.StartAsync();
        return site;
    }
}
