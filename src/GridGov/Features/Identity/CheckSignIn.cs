using GridGov.Infrastructure.UseCases;
using Microsoft.AspNetCore.Identity;

namespace GridGov.Features.Identity;

// The one password check for the login page and the token endpoint: lockout after repeated
// failures, disabled accounts refused, the same message for an unknown name and a wrong password.
// The caller signs the account in (a cookie or a bearer token): that is the HTTP answer's part.
public sealed class CheckSignIn(SignInManager<AppUser> signIn)
{
    public const string FailedTitle = "登录失败";

    public async Task<Result<AppUser>> HandleAsync(string? userName, string? password)
    {
        const string wrong = "用户名或密码错误";
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password)) return Refused("请输入用户名和密码");
        var user = await signIn.UserManager.FindByNameAsync(userName.Trim());
        if (user is null) return Refused(wrong);
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            var until = await signIn.UserManager.GetLockoutEndDateAsync(user);
            var minutes = until is { } u ? Math.Max(1, (int)Math.Ceiling((u - DateTimeOffset.UtcNow).TotalMinutes)) : 15;
            return Refused($"密码连续错误次数过多，账号已锁定，请 {minutes} 分钟后再试");
        }
        if (!result.Succeeded)
        {
            var left = signIn.Options.Lockout.MaxFailedAccessAttempts - await signIn.UserManager.GetAccessFailedCountAsync(user);
            return Refused(left is > 0 and <= 3 ? $"{wrong}（再错 {left} 次将锁定账号）" : wrong);
        }
        // Only after the password: a stranger learns nothing about an account from the answer.
        if (user.Disabled) return Refused("账号已停用，请联系管理员");
        user.LastLoginAt = DateTime.UtcNow;
        await signIn.UserManager.UpdateAsync(user);
        return Result<AppUser>.Ok(user);
    }

    static Result<AppUser> Refused(string message) => Result<AppUser>.Forbidden(message, FailedTitle);
}
