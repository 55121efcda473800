using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Identity;

namespace GridGov.Infrastructure.Security;

// The one session rule (README "Security"): every authenticated request — pages, API, hub, file
// downloads — and every open hub connection is checked against it. The rule itself (is the account
// enabled, its security stamp unchanged, this session not logged out) belongs to the accounts area,
// which registers it; plumbing only applies it, so no surface can forget to.
public interface ISessionRule
{
    // The claim every session's cookie and tokens carry: the id of its row in the session table.
    public const string SessionClaim = "sid";

    ValueTask<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct = default);
}

static class SessionRuleMiddleware
{
    public const string EndedTitle = "登录已失效";
    public const string EndedMessage = "登录已失效（已退出、账号被停用、密码被重置或权限已变更），请重新登录";

    // Between authentication and authorization: a principal whose session has ended is treated as
    // anonymous from here on, so authorization challenges it (a redirect to the login page for pages,
    // 401 for the API and the hub); the stale cookie is removed.
    public static void UseSessionRule(this WebApplication app) => app.Use(async (http, next) =>
    {
        if (http.User.Identity?.IsAuthenticated == true && http.RequestServices.GetService<ISessionRule>() is { } rule
            && !await rule.IsCurrentAsync(http.User, http.RequestAborted))
        {
            http.User = new ClaimsPrincipal(new ClaimsIdentity());
            if (!SecuritySetup.UsesBearer(http)) await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/hubs"))
            {
                await TypedResults.Problem(EndedMessage, statusCode: StatusCodes.Status401Unauthorized, title: EndedTitle).ExecuteAsync(http);
                return;
            }
            // A browser opening a page (or sent to the login page by a tab whose session ended): the
            // login page, told why, so that nobody wonders where their work went.
            if (HttpMethods.IsGet(http.Request.Method) && http.Request.Headers.Accept.ToString().Contains("text/html"))
            {
                var login = http.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
                    .Get(IdentityConstants.ApplicationScheme).LoginPath;
                var back = http.Request.Path == login ? http.Request.Query["returnUrl"].ToString() : http.Request.Path + http.Request.QueryString;
                http.Response.Redirect($"{login}?ended=true&returnUrl={Uri.EscapeDataString(back is { Length: > 0 } ? back : "/")}");
                return;
            }
        }
        await next(http);
    });
}
