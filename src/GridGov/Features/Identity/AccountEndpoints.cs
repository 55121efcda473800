using GridGov.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace GridGov.Features.Identity;

// The login and password pages post here (plain forms with antiforgery): cookies can only be set by
// an HTTP response, not from an interactive Blazor circuit. So the answers are redirects back to the
// page with its message, not ResultHttp's JSON.
static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/login", LoginAsync).AllowAnonymous().RequireRateLimiting(SecuritySetup.LoginRateLimit)
            .WithName("Login").WithSummary("登录页提交用户名和密码");
        app.MapPost("/account/password", ChangePasswordAsync).RequireAuthorization()
            .WithName("ChangeOwnPassword").WithSummary("修改自己的密码");
        // No form fields are bound here, so antiforgery is asked for explicitly: no other site may log users out.
        app.MapPost("/account/logout", async (SessionSignIn sessions, HttpContext http) =>
        {
            await sessions.EndAsync(http.User);
            return TypedResults.LocalRedirect("/account/login");
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute())
            .WithName("Logout").WithSummary("退出登录");
    }

    static async Task<IResult> ChangePasswordAsync([FromForm] string? currentPassword, [FromForm] string? newPassword,
        [FromForm] string? confirmPassword, ChangeOwnPassword change, SessionSignIn sessions, HttpContext http)
    {
        var result = await change.HandleAsync(http.User, currentPassword, newPassword, confirmPassword);
        // The page shows the message under the field it names.
        if (result.Value is not { } user)
            return TypedResults.LocalRedirect(result.Kind == Infrastructure.UseCases.ResultKind.NotFound
                ? "/account/login" : $"/account/password?error={Uri.EscapeDataString(result.Message ?? "")}&field={Uri.EscapeDataString(result.Errors.Keys.FirstOrDefault() ?? "")}");
        // The new password ended every session of the account (a new stamp): this browser gets a new one.
        await sessions.CookieAsync(user);
        return TypedResults.LocalRedirect("/account/password?done=true");
    }

    static async Task<IResult> LoginAsync([FromForm] string? userName, [FromForm] string? password,
        [FromForm] string? returnUrl, CheckSignIn check, SessionSignIn sessions, HttpRequest request)
    {
        var target = LocalTarget(returnUrl);
        // On a phone, work starts in the grid worker terminal; its 我的 page leads to the office pages.
        if (target == "/" && Infrastructure.Web.PhoneBrowser.Is(request)) target = "/m";
        var result = await check.HandleAsync(userName, password);
        if (result.Value is not { } user)
            return TypedResults.LocalRedirect($"/account/login?error={Uri.EscapeDataString(result.Message ?? "")}&user={Uri.EscapeDataString(userName ?? "")}&returnUrl={Uri.EscapeDataString(target)}");
        await sessions.CookieAsync(user);
        return TypedResults.LocalRedirect(target);
    }

    // Only a path of this site: not "//host", "/\host" or anything with control characters. The rest
    // goes into the Location header, which takes ASCII only: other characters are percent-encoded (UTF-8).
    static string LocalTarget(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 2048 || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//")
            || returnUrl.Contains('\\') || returnUrl.Any(char.IsControl)) return "/";
        var target = new System.Text.StringBuilder(returnUrl.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in returnUrl.EnumerateRunes())
        {
            if (rune == System.Text.Rune.ReplacementChar) return "/"; // a lone surrogate
            if (rune.Value is > 0x20 and < 0x7F) { target.Append((char)rune.Value); continue; }
            foreach (var b in utf8[..rune.EncodeToUtf8(utf8)]) target.Append('%').Append(b.ToString("X2"));
        }
        return target.ToString();
    }
}
