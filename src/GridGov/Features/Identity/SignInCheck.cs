using Microsoft.AspNetCore.Identity;

namespace GridGov.Features.Identity;

// The one password check for the login page and the token endpoint: lockout after repeated
// failures, disabled accounts refused, the same message for an unknown name and a wrong password.
static class SignInCheck
{
    public sealed record Outcome(AppUser? User, string Message);

    public static async Task<Outcome> CheckAsync(SignInManager<AppUser> signIn, string? userName, string? password)
    {
        const string wrong = "用户名或密码错误";
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password)) return new(null, "请输入用户名和密码");
        var user = await signIn.UserManager.FindByNameAsync(userName.Trim());
        if (user is null) return new(null, wrong);
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            var until = await signIn.UserManager.GetLockoutEndDateAsync(user);
            var minutes = until is { } u ? Math.Max(1, (int)Math.Ceiling((u - DateTimeOffset.UtcNow).TotalMinutes)) : 15;
            return new(null, $"密码连续错误次数过多，账号已锁定，请 {minutes} 分钟后再试");
        }
        if (!result.Succeeded)
        {
            var left = signIn.Options.Lockout.MaxFailedAccessAttempts - await signIn.UserManager.GetAccessFailedCountAsync(user);
            return new(null, left is > 0 and <= 3 ? $"{wrong}（再错 {left} 次将锁定账号）" : wrong);
        }
        // Only after the password: a stranger learns nothing about an account from the answer.
        if (user.Disabled) return new(null, "账号已停用，请联系管理员");
        user.LastLoginAt = DateTime.UtcNow;
        await signIn.UserManager.UpdateAsync(user);
        return new(user, "");
    }
}
