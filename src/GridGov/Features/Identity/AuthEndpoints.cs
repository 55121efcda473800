using GridGov.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace GridGov.Features.Identity;

public sealed record TokenRequest(string UserName, string Password);

// POST /api/v1/auth/token — a bearer token for the API and the mobile terminal.
// GET  /api/v1/auth/me    — who the caller is, their unit, scope and permissions.
static class AuthEndpoints
{
    public static void MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("认证");
        auth.MapPost("/token", IssueTokenAsync).AllowAnonymous().RequireRateLimiting(SecuritySetup.LoginRateLimit);
        auth.MapGet("/me", (CurrentUser user) => TypedResults.Ok(new
        {
            user.UserId,
            user.UserName,
            DisplayName = user.Principal.FindFirst(CurrentUser.DisplayNameClaim)?.Value,
            user.UnitCode,
            Scope = user.Scope.Kind.ToString(),
            Permissions = user.Principal.FindAll(Permissions.ClaimType).Select(c => c.Value).Distinct().Order(),
        }));
    }

    static async Task<Results<EmptyHttpResult, ProblemHttpResult>> IssueTokenAsync(
        [FromBody] TokenRequest request, SignInManager<AppUser> signIn, HttpContext http)
    {
        var outcome = await SignInCheck.CheckAsync(signIn, request.UserName, request.Password);
        if (outcome.User is null)
            return TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status401Unauthorized, title: "登录失败");
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        await signIn.SignInAsync(outcome.User, isPersistent: false);
        return TypedResults.Empty;
    }
}
