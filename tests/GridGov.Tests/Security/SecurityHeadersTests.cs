using System.Net;
using System.Text.RegularExpressions;
using GridGov.Tests.Infrastructure;

namespace GridGov.Tests.Security;

// Every answer — a page, the API (success and error), a static file — carries the headers; the page's
// one inline script (Blazor's import map) carries the nonce its CSP names.
[Collection(NanjingCollection.Name)]
public sealed partial class SecurityHeadersTests(GridGovApp app)
{
    static void AssertHeaders(HttpResponseMessage r)
    {
        string Header(string name) => r.Headers.TryGetValues(name, out var v) ? string.Join(",", v) : "";
        var csp = Header("Content-Security-Policy");
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'unsafe-hashes'( 'sha256-[A-Za-z0-9+/=]+')+;", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.DoesNotMatch("script-src[^;]*unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("DENY", Header("X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header("Referrer-Policy"));
        Assert.Equal("", Header("Strict-Transport-Security")); // plain HTTP
    }

    [Fact]
    public async Task A_page_the_API_and_a_static_file_carry_the_headers()
    {
        using var anonymous = app.CreateClient();
        using var bearer = await app.ClientForAsync("street");
        var page = await anonymous.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        AssertHeaders(page);
        var nonce = Regex.Match(string.Join("", page.Headers.GetValues("Content-Security-Policy")), "'nonce-([^']+)'").Groups[1].Value;
        var importMap = WebUtility.HtmlDecode(Regex.Match(await page.Content.ReadAsStringAsync(), "<script[^>]*importmap[^>]*>").Value);
        Assert.Contains($"nonce=\"{nonce}\"", importMap);

        var api = await bearer.GetAsync("/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        AssertHeaders(api);
        var denied = await anonymous.GetAsync("/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        AssertHeaders(denied);
        var css = await anonymous.GetAsync("/css/app.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        AssertHeaders(css);

        // A nonce is never reused.
        var again = await anonymous.GetAsync("/account/login");
        Assert.DoesNotContain(nonce, string.Join("", again.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task HSTS_is_sent_over_HTTPS_only()
    {
        var https = await app.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Scheme = "https";
            c.Request.Host = new("gridgov.example.gov.cn");
            c.Request.Path = "/account/login";
        });
        Assert.Equal("max-age=31536000", https.Response.Headers.StrictTransportSecurity.ToString());
        Assert.Equal("nosniff", https.Response.Headers.XContentTypeOptions.ToString());
    }
}
