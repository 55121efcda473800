using System.Security.Claims;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.AspNetCore.Identity;

namespace GridGov.Features.Identity;

// The signed-in user's own password. A change renews the security stamp, so other sessions end; the
// caller signs this one in again. Wrong current passwords are slowed per account (SignInThrottle), so
// a session left open is no oracle for the password.
public sealed class ChangeOwnPassword(UserManager<AppUser> users, SessionRule states, SignInThrottle throttle)
{
    const string Kind = "password";

    public async Task<Result<AppUser>> HandleAsync(ClaimsPrincipal who, string? currentPassword, string? newPassword, string? confirmPassword)
    {
        if (string.IsNullOrEmpty(currentPassword)) return Result<AppUser>.Invalid("currentPassword", "请填写当前密码");
        if (string.IsNullOrEmpty(newPassword)) return Result<AppUser>.Invalid("newPassword", "请填写新密码");
        if (newPassword != confirmPassword) return Result<AppUser>.Invalid("confirmPassword", "两次输入的新密码不一致");
        if (newPassword == currentPassword) return Result<AppUser>.Invalid("newPassword", "新密码不能与当前密码相同");
        if (await users.GetUserAsync(who) is not { } user) return Result<AppUser>.NotFound();
        var subject = user.Id.ToString();
        if (throttle.WaitFor(Kind, subject, null) is { } wait)
            return Result<AppUser>.Invalid("currentPassword", $"当前密码错误次数过多，请 {SignInThrottle.Minutes(wait)} 分钟后再试");
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            if (result.Errors.All(e => e.Code != "PasswordMismatch"))
                return Result<AppUser>.Invalid("newPassword", string.Join("；", result.Errors.Select(e => e.Description)));
            throttle.Failed(Kind, subject, null);
            return Result<AppUser>.Invalid("currentPassword", "当前密码不正确");
        }
        throttle.Succeeded(Kind, subject, null);
        states.Forget(user.Id);
        return Result<AppUser>.Ok(user);
    }
}
