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
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        });
    }

    static async Task<IResult> LoginAsync([FromForm] string? userName, [FromForm] string? password,
        [FromForm] string? returnUrl, SignInManager<AppUser> signIn)
    {
        var target = string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//") ? "/" : returnUrl;
        var outcome = await SignInCheck.CheckAsync(signIn, userName, password);
        if (outcome.User is null)
            return TypedResults.LocalRedirect($"/account/login?error={Uri.EscapeDataString(outcome.Message)}&user={Uri.EscapeDataString(userName ?? "")}&returnUrl={Uri.EscapeDataString(target)}");
        await signIn.SignInAsync(outcome.User, isPersistent: false);
        return TypedResults.LocalRedirect(target);
    }
}
