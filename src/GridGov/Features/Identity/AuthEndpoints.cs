using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
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
        auth.MapPost("/token", IssueTokenAsync).AllowAnonymous().RequireRateLimiting(SecuritySetup.LoginRateLimit)
            .WithName("IssueToken").WithSummary("用用户名和密码换取访问令牌");
        auth.MapGet("/me", async (GetMe me) => (await me.HandleAsync()).ToHttp())
            .WithName("GetMe").WithSummary("查看当前用户的单位、数据范围和权限");
    }

    // Not through ResultHttp: a failed sign-in is 401 (not 403), and on success the bearer handler
    // writes the token response itself.
    static async Task<Results<EmptyHttpResult, ProblemHttpResult>> IssueTokenAsync(
        [FromBody] TokenRequest request, CheckSignIn check, SignInManager<AppUser> signIn)
    {
        var checkResult = await check.HandleAsync(request.UserName, request.Password);
        if (checkResult.Value is not { } user)
            return TypedResults.Problem(checkResult.Message, statusCode: StatusCodes.Status401Unauthorized, title: CheckSignIn.FailedTitle);
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        await signIn.SignInAsync(user, isPersistent: false);
        return TypedResults.Empty;
    }
}
