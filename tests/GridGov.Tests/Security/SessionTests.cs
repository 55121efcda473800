using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using GridGov.Features.Identity;
using GridGov.Infrastructure.Security;
using GridGov.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GridGov.Tests.Security;

// The clock of the app under test is ours to move.
public sealed class ClockedApp : EmptyGridGovApp
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void Configure(IWebHostBuilder builder)
    {
        base.Configure(builder);
        builder.UseSetting("GridGov:LoginRateLimitPerMinute", "3");
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    public async Task<string> CreateUserAsync()
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var name = "session_" + Guid.NewGuid().ToString("N")[..8];
        var result = await users.CreateAsync(new AppUser { UserName = name, DisplayName = "会话测试", DataScope = DataScopeKind.UnitOnly }, "Session-test-1a");
        Assert.True(result.Succeeded);
        return name;
    }
}

public sealed class SessionTests : IAsyncLifetime
{
    readonly ClockedApp app = new();

    public Task InitializeAsync() { _ = app.Server; return Task.CompletedTask; }
    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_session_ends_after_30_idle_minutes_but_not_while_in_use()
    {
        var user = await app.CreateUserAsync();
        using var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        var page = await browser.GetStringAsync("/account/login");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var login = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user, ["password"] = "Session-test-1a", ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal("/", login.Headers.Location?.OriginalString);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/auth/me")).StatusCode);
        for (var i = 0; i < 3; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(20)); // in use: every request renews the session
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/auth/me")).StatusCode);
        }
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/auth/me")).StatusCode);
        var pageAfter = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, pageAfter.StatusCode);
        Assert.Contains("/account/login", pageAfter.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_access_token_lives_15_minutes_and_its_refresh_token_12_hours()
    {
        var user = await app.CreateUserAsync();
        using var anon = app.CreateClient();
        var tokens = await (await anon.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = "Session-test-1a" }))
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", tokens.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/auth/me")).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/auth/me")).StatusCode);
        var refresh = new { refreshToken = tokens.GetProperty("refreshToken").GetString() };
        var renewed = await anon.PostAsJsonAsync("/api/v1/auth/refresh", refresh);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        api.DefaultRequestHeaders.Authorization = new("Bearer", (await renewed.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/auth/me")).StatusCode);

        app.Clock.Advance(TimeSpan.FromHours(12));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.PostAsJsonAsync("/api/v1/auth/refresh", refresh)).StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited_per_address()
    {
        using var client = app.CreateClient();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
            answers.Add(await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "nobody", password = "x" }));
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests],
            answers.Select(a => a.StatusCode));
        var limited = await answers[^1].Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("请求过于频繁，请稍后再试", limited.GetProperty("title").GetString());
    }
}
