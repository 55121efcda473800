using System.Net;
using GridGov.Tests.Infrastructure;

namespace GridGov.Tests.Desk;

// The API reference (/api/docs) and its description (/openapi/v1.json) are for administrators who
// manage accounts: anonymous callers go to the login page (page) or get 401 (JSON), others 403.
[Collection(NanjingCollection.Name)]
public sealed class ApiDocsTests(GridGovApp app)
{
    async Task<HttpClient> BrowserAsync(string? user)
    {
        var c = app.CreateClient(new() { AllowAutoRedirect = false });
        if (user is not null) Assert.Equal(HttpStatusCode.Redirect, (await Forms.LoginAsync(c, user, app.Passwords[user])).StatusCode);
        return c;
    }

    [Fact]
    public async Task Anonymous_callers_are_sent_to_the_login_page_or_get_401()
    {
        using var c = await BrowserAsync(null);
        var page = await c.GetAsync("/api/docs/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task A_grid_worker_is_refused_and_an_administrator_reads_both()
    {
        using var grid = await BrowserAsync("grid");
        var denied = await grid.GetAsync("/api/docs/");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/denied", denied.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, (await grid.GetAsync("/openapi/v1.json")).StatusCode);
        using var gridToken = await app.ClientForAsync("grid");
        Assert.Equal(HttpStatusCode.Forbidden, (await gridToken.GetAsync("/openapi/v1.json")).StatusCode);

        using var admin = await BrowserAsync("admin");
        var docs = await admin.GetAsync("/api/docs/");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("scalar", await docs.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var json = await admin.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Contains("\"openapi\"", await json.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_favicon_is_served_and_favicon_ico_points_to_it()
    {
        using var c = await BrowserAsync(null);
        var ico = await c.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.MovedPermanently, ico.StatusCode);
        Assert.Equal("/favicon.svg", ico.Headers.Location!.OriginalString);
        var svg = await c.GetAsync("/favicon.svg");
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<svg", await svg.Content.ReadAsStringAsync());
    }
}
