using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// The session rule reaches open tabs: a tab left open on a page is sent to the login page when its
// account is disabled, or when the same session logs out in another tab.
[Collection(BrowserCollection.Name)]
public sealed class SessionPagesTests(BrowserApp app)
{
    const string Password = "Browser-session-7a";

    async Task<(HttpClient Admin, string Name, long Id)> WorkerAsync()
    {
        var admin = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var token = await (await admin.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = app.Password("admin") }))
            .Content.ReadFromJsonAsync<JsonElement>();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        var name = "bs_" + Guid.NewGuid().ToString("N")[..8];
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, displayName = "会话页面", orgUnitCode = 320102002, dataScope = "UnitAndBelow", roles = new[] { "grid_worker" }, password = Password });
        created.EnsureSuccessStatusCode();
        return (admin, name, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task An_open_tab_goes_to_the_login_page_when_its_account_is_disabled()
    {
        var (admin, name, id) = await WorkerAsync();
        using var _ = admin;
        var page = await app.LoginAsync(name, Password);
        await BrowserApp.OpenAsync(page, "/tickets");

        (await admin.PostAsync($"/api/v1/users/{id}/disable", null)).EnsureSuccessStatusCode();

        await page.WaitForURLAsync(u => u.Contains("/account/login"), new() { Timeout = 90_000 });
        await Assertions.Expect(page.Locator("#login-ended")).ToContainTextAsync("登录已失效");
        await BrowserApp.ShotAsync(page, "session-ended-login");
        // Signing in again returns to the page the tab was on (here: refused, the account is disabled).
        Assert.Contains("returnUrl=%2Ftickets", page.Url);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Logging_out_in_one_tab_ends_the_other_tabs()
    {
        var (admin, name, _) = await WorkerAsync();
        using var __ = admin;
        var first = await app.LoginAsync(name, Password);
        await BrowserApp.OpenAsync(first, "/tickets");
        var second = await first.Context.NewPageAsync();
        await BrowserApp.OpenAsync(second, "/");

        await second.Locator(".gg-logout button, .gg-logout [type=submit]").First.ClickAsync();
        await second.WaitForURLAsync(u => u.Contains("/account/login"));

        await first.WaitForURLAsync(u => u.Contains("/account/login"), new() { Timeout = 90_000 });
        await first.Context.CloseAsync();
    }
}
