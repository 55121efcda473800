using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.AspNetCore.Identity;

namespace GridGov.Features.Identity;

// The one password check for the login page and the token endpoint: failures slowed per account
// and client address (SignInThrottle), disabled accounts refused, the same message for an unknown
// name and a wrong password — and the same work, so neither does the time tell them apart.
// The caller signs the account in (a cookie or a bearer token): that is the HTTP answer's part.
public sealed class CheckSignIn(SignInManager<AppUser> signIn, SignInThrottle throttle, CurrentUser caller)
{
    public const string FailedTitle = "登录失败";
    const string Kind = "login";

    // A hash to check unknown names against, made once with the configured hasher.
    static string? dummyHash;

    public async Task<Result<AppUser>> HandleAsync(string? userName, string? password)
    {
        const string wrong = "用户名或密码错误";
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password)) return Refused("请输入用户名和密码");
        if (throttle.WaitFor(Kind, userName, caller.Ip) is { } wait) return TooMany(wait);
        var user = await signIn.UserManager.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            var hasher = signIn.UserManager.PasswordHasher;
            var probe = new AppUser { UserName = "-" };
            hasher.VerifyHashedPassword(probe, dummyHash ??= hasher.HashPassword(probe, Guid.NewGuid().ToString()), password);
            return Failed(userName, wrong);
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        // Only after Identity's large threshold (AccountSetup), and worded like the throttle's answer.
        if (result.IsLockedOut) return TooMany(null);
        if (!result.Succeeded) return Failed(userName, wrong);
        throttle.Succeeded(Kind, userName, caller.Ip);
        // Only after the password: a stranger learns nothing about an account from the answer.
        if (user.Disabled) return Refused("账号已停用，请联系管理员");
        user.LastLoginAt = DateTime.UtcNow;
        await signIn.UserManager.UpdateAsync(user);
        return Result<AppUser>.Ok(user);
    }

    Result<AppUser> Failed(string userName, string message)
    {
        throttle.Failed(Kind, userName, caller.Ip);
        return Refused(message);
    }

    static Result<AppUser> TooMany(TimeSpan? wait) =>
        Refused($"登录失败次数过多，请 {(wait is { } w ? SignInThrottle.Minutes(w) : "15")} 分钟后再试");

    static Result<AppUser> Refused(string message) => Result<AppUser>.Forbidden(message, FailedTitle);
}
