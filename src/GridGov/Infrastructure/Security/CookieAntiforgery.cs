using Microsoft.AspNetCore.Antiforgery;

namespace GridGov.Infrastructure.Security;

// A browser sends its cookie with any request to this host, also from a page on another port or a
// sibling sub-domain (SameSite does not separate those). So every unsafe request that a cookie
// authenticates — pages' forms, the API, logout — carries a valid antiforgery token (a form field or
// the X-CSRF-TOKEN header) or is refused with 400. The framework's own middleware only records a bad
// token for endpoints that bind a form; it refuses nothing by itself (/account/logout bound nothing).
// Bearer calls are untouched: no browser adds an Authorization header on its own. The hubs take no
// cookie at all, and the Blazor circuit is kept to this site's pages by SameOriginSockets. Pages give
// their scripts the token in <meta name="csrf-token"> (Components/App.razor).
public static class CookieAntiforgery
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public static IServiceCollection AddCookieAntiforgery(this IServiceCollection services) =>
        services.AddAntiforgery(o => o.HeaderName = HeaderName);

    public static IApplicationBuilder UseCookieAntiforgery(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (NeedsToken(http))
        {
            try { await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http); }
            catch (AntiforgeryValidationException)
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
                {
                    HttpContext = http,
                    ProblemDetails = { Status = 400, Title = "请求缺少有效的防伪令牌", Detail = "请求缺少有效的防伪令牌（可能来自其他网站），已拒绝。请刷新页面后重试。" },
                });
                return;
            }
        }
        await next(http);
    });

    static bool NeedsToken(HttpContext http) =>
        !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method) || HttpMethods.IsTrace(http.Request.Method))
        && http.User.Identity?.IsAuthenticated == true
        && !SecuritySetup.UsesBearer(http) // the hubs among them: they take no cookie
        && !http.Request.Path.StartsWithSegments("/_blazor");
}
