namespace GridGov.Infrastructure.Security;

// A browser opens a WebSocket to any site and sends that site's cookie with it; only the Origin
// header tells where the page came from. The office UI's live connection (/_blazor) and the hubs
// answer only pages of this site (the host the request was sent to) or of origins listed in
// GridGov:AllowedOrigins (behind a proxy that rewrites Host). Terminals and other systems send no
// Origin and are not affected.
public static class SameOriginSockets
{
    public static IApplicationBuilder UseSameOriginSockets(this WebApplication app)
    {
        var allowed = (app.Configuration["GridGov:AllowedOrigins"] ?? "")
            .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(o => Uri.TryCreate(o, UriKind.Absolute, out var u) ? u.Authority : o).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return app.Use(async (http, next) =>
        {
            var path = http.Request.Path;
            if ((path.StartsWithSegments("/_blazor") || path.StartsWithSegments("/hubs"))
                && http.Request.Headers.Origin.ToString() is { Length: > 0 } origin
                && !(Uri.TryCreate(origin, UriKind.Absolute, out var from)
                     && (string.Equals(from.Authority, http.Request.Host.Value, StringComparison.OrdinalIgnoreCase) || allowed.Contains(from.Authority))))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                await http.Response.WriteAsync("禁止其他网站的页面连接");
                return;
            }
            await next(http);
        });
    }
}
