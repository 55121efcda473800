using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GridGov.Features.Identity;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Security;

// A request that the cookie authenticates changes nothing without the page's antiforgery token: a
// form on another port of the same host gets the victim's cookie but not the token. Bearer calls need
// no token (BrowserTests/CsrfBrowserTests tries the same from a real page on another port).
[Collection(NanjingCollection.Name)]
public sealed partial class CsrfTests(GridGovApp app)
{
    async Task<long> TargetAsync(HttpClient admin)
    {
        var r = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName = "csrf_" + Guid.NewGuid().ToString("N")[..8], displayName = "防伪测试", orgUnitCode = 320102002,
            dataScope = "UnitAndBelow", roles = new[] { "grid_worker" }, password = "Csrf-target-4k",
        });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("id").GetInt64();
    }

    async Task<HttpClient> CookieClientAsync()
    {
        var c = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal("/", (await Forms.LoginAsync(c, "admin", app.Passwords["admin"])).Headers.Location!.OriginalString);
        return c;
    }

    async Task<(bool Disabled, string? Hash, string? Stamp)> ReadAsync(long id)
    {
        await using var db = app.UnscopedDb();
        var u = await db.Users.AsNoTracking().SingleAsync(x => x.Id == id);
        return (u.Disabled, u.PasswordHash, u.SecurityStamp);
    }

    static async Task AssertRefusedAsync(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        Assert.Contains("防伪令牌", (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Cookie_requests_without_the_token_change_nothing_and_logout_needs_it_too()
    {
        using var admin = await app.ClientForAsync("admin");
        var id = await TargetAsync(admin);
        var before = await ReadAsync(id);
        using var victim = await CookieClientAsync();

        // What a form on another port sends: the cookie, a form body, no token.
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" });
        await AssertRefusedAsync(await victim.PostAsync($"/api/v1/users/{id}/disable", form));
        await AssertRefusedAsync(await victim.PostAsync($"/api/v1/users/{id}/reset-password", null));
        await AssertRefusedAsync(await victim.PutAsJsonAsync($"/api/v1/users/{id}", new { displayName = "改名", orgUnitCode = 320102002, dataScope = "UnitOnly", roles = new[] { "grid_worker" } }));
        await AssertRefusedAsync(await victim.PostAsync("/account/logout", form));
        // A token of another session does not do either.
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/users/{id}/disable");
        request.Headers.Add("X-CSRF-TOKEN", "CfDJ8-not-a-token");
        await AssertRefusedAsync(await victim.SendAsync(request));

        Assert.Equal(before, await ReadAsync(id));
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task The_pages_token_in_the_header_lets_the_cookie_through_and_bearer_calls_need_none()
    {
        using var admin = await app.ClientForAsync("admin");
        var id = await TargetAsync(admin);
        using var victim = await CookieClientAsync();
        var token = CsrfMeta().Match(await victim.GetStringAsync("/")).Groups[1].Value;
        Assert.NotEmpty(token);

        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/users/{id}/disable");
        request.Headers.Add("X-CSRF-TOKEN", token);
        Assert.Equal(HttpStatusCode.NoContent, (await victim.SendAsync(request)).StatusCode);
        Assert.True((await ReadAsync(id)).Disabled);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/users/{id}/enable", null)).StatusCode);
        Assert.False((await ReadAsync(id)).Disabled);

        var logout = new HttpRequestMessage(HttpMethod.Post, "/account/logout");
        logout.Headers.Add("X-CSRF-TOKEN", token);
        Assert.Equal(HttpStatusCode.Redirect, (await victim.SendAsync(logout)).StatusCode);
    }

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfMeta();
}
