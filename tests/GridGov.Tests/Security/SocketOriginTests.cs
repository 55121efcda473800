using System.Net;
using GridGov.Tests.Infrastructure;

namespace GridGov.Tests.Security;

// A page of another site cannot use the signed-in user's cookie to listen in: the hub takes no
// cookie, and the office UI's live connection refuses pages of other origins.
[Collection(NanjingCollection.Name)]
public sealed class SocketOriginTests(GridGovApp app)
{
    [Fact]
    public async Task The_ticket_hub_does_not_take_the_browsers_cookie()
    {
        using var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        await Forms.LoginAsync(browser, "street", app.Passwords["street"]);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/auth/me")).StatusCode);

        var negotiate = await browser.PostAsync("/hubs/tickets/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
    }

    [Theory]
    [InlineData("http://evil.example", HttpStatusCode.Forbidden)]
    [InlineData("http://localhost:8081", HttpStatusCode.Forbidden)]
    [InlineData("http://localhost", HttpStatusCode.OK)]
    public async Task The_office_uis_live_connection_answers_only_pages_of_this_site(string origin, HttpStatusCode expected)
    {
        using var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        await Forms.LoginAsync(browser, "street", app.Passwords["street"]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", origin);
        Assert.Equal(expected, (await browser.SendAsync(request)).StatusCode);
    }
}
