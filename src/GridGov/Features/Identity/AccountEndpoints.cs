using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using GridGov.Infrastructure.Security;

namespace GridGov.Features.Identity;

// The login page posts here (a plain form with antiforgery): cookies can only be set by an HTTP
// response, not from an interactive Blazor circuit.
static class AccountEndpoints
{
    public static void MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/account/login", LoginAsync).AllowAnonymous().RequireRateLimiting(SecuritySetup.LoginRateLimit);
        app.MapPost("/account/password", ChangePasswordAsync).RequireAuthorization();
        // No form fields are bound here, so antiforgery is asked for explicitly: no other site may log users out.
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());
    }

    // The user's own password. A change renews the security stamp, so other sessions end; this one is
    // signed in again.
    static async Task<IResult> ChangePasswordAsync([FromForm] string? currentPassword, [FromForm] string? newPassword,
        [FromForm] string? confirmPassword, SignInManager<AppUser> signIn, AccountStates states, HttpContext http)
    {
        static IResult Fail(string message) => TypedResults.LocalRedirect($"/account/password?error={Uri.EscapeDataString(message)}");
        if (string.IsNullOrEmpty(currentPassword) || string.IsNullOrEmpty(newPassword)) return Fail("请填写当前密码和新密码");
        if (newPassword != confirmPassword) return Fail("两次输入的新密码不一致");
        if (newPassword == currentPassword) return Fail("新密码不能与当前密码相同");
        if (await signIn.UserManager.GetUserAsync(http.User) is not { } user) return TypedResults.LocalRedirect("/account/login");
        var result = await signIn.UserManager.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded)
            return Fail(result.Errors.Any(e => e.Code == "PasswordMismatch") ? "当前密码不正确" : string.Join("；", result.Errors.Select(e => e.Description)));
        states.Forget(user.Id);
        await signIn.RefreshSignInAsync(user);
        return TypedResults.LocalRedirect("/account/password?done=true");
    }

    static async Task<IResult> LoginAsync([FromForm] string? userName, [FromForm] string? password,
        [FromForm] string? returnUrl, SignInManager<AppUser> signIn)
    {
        // Only a path of this site: not "//host", "/\host" or anything with control characters.
        var target = string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//")
            || returnUrl.Contains('\\') || returnUrl.Any(char.IsControl) ? "/" : returnUrl;
        var outcome = await SignInCheck.CheckAsync(signIn, userName, password);
        if (outcome.User is null)
            return TypedResults.LocalRedirect($"/account/login?error={Uri.EscapeDataString(outcome.Message)}&user={Uri.EscapeDataString(userName ?? "")}&returnUrl={Uri.EscapeDataString(target)}");
        await signIn.SignInAsync(outcome.User, isPersistent: false);
        return TypedResults.LocalRedirect(target);
    }
}
