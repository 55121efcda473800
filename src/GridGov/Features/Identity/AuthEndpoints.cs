using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace GridGov.Features.Identity;

public sealed record TokenRequest(string UserName, string Password);
public sealed record RefreshRequest(string RefreshToken);

// POST /api/v1/auth/token — a bearer token for the API and the mobile terminal.
// POST /api/v1/auth/refresh — new tokens for a refresh token while its session holds.
// POST /api/v1/auth/logout  — ends the caller's session on every surface.
// GET  /api/v1/auth/me    — who the caller is, their unit, scope and permissions.
static class AuthEndpoints
{
    public static void MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("认证");
        auth.MapPost("/token", IssueTokenAsync).AllowAnonymous().RequireRateLimiting(SecuritySetup.LoginRateLimit)
            .WithName("IssueToken").WithSummary("用用户名和密码换取访问令牌");
        // Not rate-limited like the password: nothing can be guessed here, and a city's terminals
        // behind one gateway address all refresh every quarter hour.
        auth.MapPost("/refresh", RefreshAsync).AllowAnonymous()
            .WithName("RefreshToken").WithSummary("用刷新令牌换取新的访问令牌");
        auth.MapPost("/logout", async (SessionSignIn sessions, HttpContext http) =>
        {
            await sessions.EndAsync(http.User);
            return TypedResults.NoContent();
        }).WithName("LogoutToken").WithSummary("退出登录，结束当前会话");
        auth.MapGet("/me", async (GetMe me) => (await me.HandleAsync()).ToHttp())
            .WithName("GetMe").WithSummary("查看当前用户的单位、数据范围和权限");
    }

    // Not through ResultHttp: a failed sign-in is 401 (not 403), and on success the bearer handler
    // writes the token response itself.
    static async Task<Results<EmptyHttpResult, ProblemHttpResult>> IssueTokenAsync(
        [FromBody] TokenRequest request, CheckSignIn check, SessionSignIn sessions)
    {
        var checkResult = await check.HandleAsync(request.UserName, request.Password);
        if (checkResult.Value is not { } user)
            return TypedResults.Problem(checkResult.Message, statusCode: StatusCodes.Status401Unauthorized, title: CheckSignIn.FailedTitle);
        await sessions.TokensAsync(user);
        return TypedResults.Empty;
    }

    static async Task<Results<SignInHttpResult, ProblemHttpResult>> RefreshAsync([FromBody] RefreshRequest request, SessionSignIn sessions) =>
        await sessions.RefreshAsync(request.RefreshToken) is { } principal
            ? TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme)
            : TypedResults.Problem("刷新令牌无效或已过期，或会话已结束，请重新登录", statusCode: StatusCodes.Status401Unauthorized, title: "登录已失效");
}
