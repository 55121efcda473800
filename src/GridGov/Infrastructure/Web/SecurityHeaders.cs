using System.Net;
using System.Security.Cryptography;

namespace GridGov.Infrastructure.Web;

// Headers on every answer (pages, API, static files, errors). The script policy allows only this
// site's files plus the one inline script Blazor renders (the import map), which carries a fresh
// nonce per request (App.razor). Styles need 'unsafe-inline': AntDesign, Blazor and ECharts' SVG set
// style attributes. AntDesign's tabs carry one inline handler, ondragover="event.preventDefault();",
// allowed by its hash alone ('unsafe-hashes' lets no other handler run). Images come from this site
// and from the origins the areas name (IImageSources: a base map's tile servers). No frames anywhere.
// HSTS only on HTTPS, and not for a loopback host (a developer's machine would pin it for every local
// site).
public static class SecurityHeaders
{
    const string NonceKey = "gridgov.csp-nonce";
    const string TabsDragOver = "'sha256-3TGu3MXeXy11eUrHvptBo1UVsvdEkIojBrR41fi1sqM='";
    // The API reference page (/api/docs, Scalar) starts itself with one fixed inline module script
    // (its options are part of it: a change in GridGovHost or a Scalar update changes the hash, and
    // the browser test of the policy fails until it is renewed here).
    const string ApiDocsInit = "'sha256-g+GgW1Lzm3j4MzOIvUKNxK1NGwd0tpc/AkisELHETwQ='";

    const string SandboxKey = "gridgov.csp-sandbox";
    const string SandboxPolicy = "default-src 'none'; sandbox";

    // This answer is a file to show, never a document: the sandboxing policy instead of the site's.
    public static void Sandbox(HttpContext http) => http.Items[SandboxKey] = true;

    // A PDF shown inline: the browser's own viewer must be allowed to run (a sandbox or
    // object-src 'none' leaves the tab blank), yet the file itself gets nothing else.
    const string PdfKey = "gridgov.csp-pdf";
    const string PdfPolicy = "default-src 'none'; object-src 'self'; frame-ancestors 'none'";

    public static void Pdf(HttpContext http) => http.Items[PdfKey] = true;

    public static string Nonce(HttpContext http) =>
        http.Items.TryGetValue(NonceKey, out var n) && n is string s ? s : "";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        http.Items[NonceKey] = nonce;
        http.Response.OnStarting(async () =>
        {
            var h = http.Response.Headers;
            // A served file (a photo) gets nothing to run, sandboxed. Any other policy set on the way
            // (Blazor's frame-ancestors 'self') gives way to the site's.
            h.ContentSecurityPolicy = http.Items.ContainsKey(SandboxKey) ? SandboxPolicy : http.Items.ContainsKey(PdfKey) ? PdfPolicy : "default-src 'self'; " +
                $"script-src 'self' 'nonce-{nonce}' 'unsafe-hashes' {TabsDragOver} {ApiDocsInit}; " +
                $"style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:{await ImageSourcesAsync(http)}; font-src 'self' data:; connect-src 'self'; " +
                "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            if (http.Request.IsHttps && !IsLoopback(http.Request.Host.Host))
                h.StrictTransportSecurity = "max-age=31536000";
        });
        return next(http);
    });

    static async Task<string> ImageSourcesAsync(HttpContext http)
    {
        var extra = "";
        foreach (var sources in http.RequestServices.GetServices<IImageSources>())
            foreach (var source in await sources.SourcesAsync(http))
                extra += " " + source;
        return extra;
    }

    static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
