using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Features.Identity;
using GridGov.Features.Tickets;
using GridGov.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Security;

// One session rule for every surface: once an account is disabled, its password reset, its roles
// changed, or its session logged out, no page, API call, refresh or hub connection goes on with it.
[Collection(NanjingCollection.Name)]
public sealed class SessionRuleTests(GridGovApp app)
{
    async Task<(string Name, string Password, long Id)> WorkerAsync(HttpClient admin, string? extraRole = null)
    {
        var name = "sr_" + Guid.NewGuid().ToString("N")[..8];
        const string password = "Session-rule-9a";
        string[] roles = extraRole is null ? ["grid_worker"] : ["grid_worker", extraRole];
        var r = await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, displayName = "会话规则", orgUnitCode = 320102002, dataScope = "UnitAndBelow", roles, password });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (name, password, (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("id").GetInt64());
    }

    async Task<JsonElement> TokensAsync(string name, string password)
    {
        using var c = app.CreateClient();
        var r = await c.PostAsJsonAsync("/api/v1/auth/token", new { userName = name, password });
        r.EnsureSuccessStatusCode();
        return await r.Content.ReadFromJsonAsync<JsonElement>();
    }

    HttpClient Bearer(string token)
    {
        var c = app.CreateClient(new() { AllowAutoRedirect = false });
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return c;
    }

    Task<HubConnection> HubAsync(string token) => TestClients.HubAsync(app.Server, token);

    public static TheoryData<string> Changes => ["disable", "reset-password", "roles", "role-permissions"];

    async Task<long> RoleAsync(HttpClient admin, string name)
    {
        var r = await admin.PostAsJsonAsync("/api/v1/roles", new { name, displayName = "会话角色", permissions = new[] { "tickets.report" } });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    async Task ChangeAsync(HttpClient admin, long id, string change, long role)
    {
        var r = change switch
        {
            "role-permissions" => await admin.PutAsJsonAsync($"/api/v1/roles/{role}", new { displayName = "会话角色", permissions = new[] { "tickets.report", "tickets.verify" } }),
            "disable" => await admin.PostAsync($"/api/v1/users/{id}/disable", null),
            "reset-password" => await admin.PostAsync($"/api/v1/users/{id}/reset-password", null),
            _ => await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { displayName = "会话规则", orgUnitCode = 320102002, dataScope = "UnitAndBelow", roles = new[] { "grid_worker", "acceptor" } }),
        };
        Assert.True(r.IsSuccessStatusCode, $"{change}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
    }

    [Theory, MemberData(nameof(Changes))]
    public async Task A_changed_account_loses_its_token_its_refresh_and_its_open_hub_connection(string change)
    {
        using var admin = await app.ClientForAsync("admin");
        var roleName = "sr_role_" + Guid.NewGuid().ToString("N")[..6];
        var role = await RoleAsync(admin, roleName);
        var (name, password, id) = await WorkerAsync(admin, roleName);
        var tokens = await TokensAsync(name, password);
        var access = tokens.GetProperty("accessToken").GetString()!;
        await using var hub = await HubAsync(access);
        var closed = new TaskCompletionSource();
        hub.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        using var worker = Bearer(access);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync("/api/v1/auth/me")).StatusCode);

        await ChangeAsync(admin, id, change, role);

        var me = await worker.GetAsync("/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Contains("登录已失效", await me.Content.ReadAsStringAsync());
        // The open connection is closed by the hub, not left to hear on.
        Assert.Same(closed.Task, await Task.WhenAny(closed.Task, Task.Delay(TimeSpan.FromSeconds(30))));
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => HubAsync(access));
        using var anon = app.CreateClient();
        var refresh = await anon.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task A_bearer_token_opens_the_api_and_the_hub_but_no_page()
    {
        var access = await app.TokenAsync("street");
        using var street = Bearer(access);
        Assert.Equal(HttpStatusCode.OK, (await street.GetAsync("/api/v1/tickets?queue=All")).StatusCode);
        var page = await street.GetAsync("/tickets");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/login", page.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_refresh_token_renews_access_and_keeps_the_session()
    {
        using var admin = await app.ClientForAsync("admin");
        var (name, password, _) = await WorkerAsync(admin);
        var tokens = await TokensAsync(name, password);
        Assert.Equal(15 * 60, tokens.GetProperty("expiresIn").GetInt32());
        using var anon = app.CreateClient();
        var renewed = await anon.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var next = await renewed.Content.ReadFromJsonAsync<JsonElement>();
        using var worker = Bearer(next.GetProperty("accessToken").GetString()!);
        var me = await worker.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.Equal(name, me.GetProperty("userName").GetString());

        foreach (var forged in new[] { "", "x", tokens.GetProperty("accessToken").GetString()!, new string('A', 5000) })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anon.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = forged })).StatusCode);

        // The next refresh token renews again.
        var third = await anon.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = next.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_is_good_once_and_a_used_one_ends_the_session()
    {
        using var admin = await app.ClientForAsync("admin");
        var (name, password, id) = await WorkerAsync(admin);
        var tokens = await TokensAsync(name, password);
        using var anon = app.CreateClient();
        var stolen = new { refreshToken = tokens.GetProperty("refreshToken").GetString() };
        var owner = await (await anon.PostAsJsonAsync("/api/v1/auth/refresh", stolen)).Content.ReadFromJsonAsync<JsonElement>();
        using var ownerClient = Bearer(owner.GetProperty("accessToken").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await ownerClient.GetAsync("/api/v1/auth/me")).StatusCode);

        // The thief presents the same refresh token again: refused, and the session ends for both.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.PostAsJsonAsync("/api/v1/auth/refresh", stolen)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ownerClient.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await anon.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = owner.GetProperty("refreshToken").GetString() })).StatusCode);
        await using var db = app.UnscopedDb();
        Assert.NotNull((await db.Set<UserSession>().SingleAsync(s => s.UserId == id)).EndedAt);
    }

    [Fact]
    public async Task Logging_out_a_terminal_ends_its_token_and_refresh_but_not_the_accounts_other_sessions()
    {
        using var admin = await app.ClientForAsync("admin");
        var (name, password, id) = await WorkerAsync(admin);
        var phone = await TokensAsync(name, password);
        var desk = await TokensAsync(name, password);
        using var phoneClient = Bearer(phone.GetProperty("accessToken").GetString()!);
        await using var hub = await HubAsync(phone.GetProperty("accessToken").GetString()!);
        var closed = new TaskCompletionSource();
        hub.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };

        Assert.Equal(HttpStatusCode.NoContent, (await phoneClient.PostAsync("/api/v1/auth/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await phoneClient.GetAsync("/api/v1/auth/me")).StatusCode);
        using var anon = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await anon.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = phone.GetProperty("refreshToken").GetString() })).StatusCode);
        Assert.Same(closed.Task, await Task.WhenAny(closed.Task, Task.Delay(TimeSpan.FromSeconds(30))));
        using var deskClient = Bearer(desk.GetProperty("accessToken").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await deskClient.GetAsync("/api/v1/auth/me")).StatusCode);

        await using var db = app.UnscopedDb();
        var sessions = await db.Set<UserSession>().Where(s => s.UserId == id).ToListAsync();
        Assert.Equal(2, sessions.Count);
        Assert.Single(sessions, s => s.EndedAt != null);
    }

    [Fact]
    public async Task After_logout_the_old_cookie_opens_nothing()
    {
        using var admin = await app.ClientForAsync("admin");
        var (name, password, _) = await WorkerAsync(admin);
        using var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal("/", (await Forms.LoginAsync(browser, name, password)).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/auth/me")).StatusCode);
        // What a thief of the cookie would keep.
        var cookie = await CookieOfAsync(browser);

        var logout = await Forms.PostAsync(browser, "/", "/account/logout", []);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        using var thief = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        thief.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.GetAsync("/api/v1/auth/me")).StatusCode);
        using var open = new HttpRequestMessage(HttpMethod.Get, "/tickets?queue=All");
        open.Headers.Add("Accept", "text/html");
        var page = await thief.SendAsync(open);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/login?ended=true&returnUrl=%2Ftickets%3Fqueue%3DAll", page.Headers.Location!.OriginalString);
    }

    // The auth cookie the client holds, as a Cookie header value.
    async Task<string> CookieOfAsync(HttpClient browser)
    {
        // The test client's cookie handler adds the header to the request it sends.
        using var probe = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        var response = await browser.SendAsync(probe);
        response.EnsureSuccessStatusCode();
        return string.Join("; ", probe.Headers.TryGetValues("Cookie", out var v) ? v : []);
    }
}
