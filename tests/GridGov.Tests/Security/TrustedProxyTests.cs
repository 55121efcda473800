using System.Net;
using System.Text.Json;
using GridGov.Features.Identity;
using GridGov.Infrastructure.Security;
using GridGov.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Tests.Security;

public sealed class ProxiedApp : EmptyGridGovApp
{
    public const string Proxy = "10.9.9.9";

    protected override void Configure(IWebHostBuilder builder)
    {
        base.Configure(builder);
        builder.UseSetting("GridGov:TrustedProxies", Proxy);
    }
}

// Behind the city's reverse proxy, sign-in throttling counts the client's address the proxy names,
// and nobody else can name an address.
public sealed class TrustedProxyTests(ProxiedApp app) : IClassFixture<ProxiedApp>
{
    const string Password = "Proxy-test-4a";

    async Task<string> UserAsync()
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var name = "proxy_" + Guid.NewGuid().ToString("N")[..8];
        Assert.True((await users.CreateAsync(new AppUser { UserName = name, DisplayName = "代理测试", DataScope = DataScopeKind.UnitOnly }, Password)).Succeeded);
        return name;
    }

    async Task<HttpStatusCode> TokenAsync(string from, string? forwardedFor, string user, string password) =>
        (await TestClients.TokenFromAsync(app.Server, from, user, password, forwardedFor)).Status;

    [Fact]
    public async Task Failures_count_against_the_address_the_proxy_names()
    {
        var name = await UserAsync();
        for (var i = 0; i < 5; i++) await TokenAsync(ProxiedApp.Proxy, "10.1.0.1", name, "wrong-password-1");
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenAsync(ProxiedApp.Proxy, "10.1.0.1", name, Password));
        // The owner behind the same proxy, at another desk, signs in.
        Assert.Equal(HttpStatusCode.OK, await TokenAsync(ProxiedApp.Proxy, "10.1.0.2", name, Password));
    }

    [Fact]
    public async Task Anyone_but_the_proxy_naming_an_address_is_counted_as_themselves()
    {
        var name = await UserAsync();
        // An attacker not behind the proxy makes up a new address for every guess …
        for (var i = 0; i < 5; i++) await TokenAsync("10.8.8.8", $"10.2.0.{i}", name, "wrong-password-1");
        // … and is still held up as one address.
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenAsync("10.8.8.8", "10.2.0.99", name, Password));
        Assert.Equal(HttpStatusCode.OK, await TokenAsync("10.8.8.7", null, name, Password));
    }
}
