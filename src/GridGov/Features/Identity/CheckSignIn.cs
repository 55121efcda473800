using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Identity;

// The one password check for the login page and the token endpoint: failures slowed per account
// and client address (SignInThrottle), disabled accounts refused, the same message for an unknown
// name and a wrong password — and the same work, so neither does the time tell them apart.
// No account is ever locked (a stranger could lock anyone's): after many failures from anywhere a
// name is slowed instead, except at addresses its account signed in from lately, so the owner at
// the usual desk or phone still gets in. Unknown names are counted the same way and so answer alike.
// The caller signs the account in (a cookie or a bearer token): that is the HTTP answer's part.
// Every refusal is an audit record (SignInAudit); a success is recorded where its session starts (SessionRule).
public sealed class CheckSignIn(SignInManager<AppUser> signIn, SignInThrottle throttle, CurrentUser caller,
    GridDatabase database, TimeProvider clock, SignInAudit audit)
{
    public const string FailedTitle = "登录失败";
    const string Kind = "login", NameKind = "login-name", AnyAddress = "*";
    static readonly TimeSpan KnownFor = TimeSpan.FromDays(30);

    // A hash to check unknown names against, made once with the configured hasher.
    static string? dummyHash;

    public async Task<Result<AppUser>> HandleAsync(string? userName, string? password)
    {
        const string wrong = "用户名或密码错误";
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password)) return Refused("请输入用户名和密码");
        if (throttle.WaitFor(Kind, userName, caller.Ip) is { } wait) return await TooManyAsync(userName, null, wait);
        var user = await signIn.UserManager.FindByNameAsync(userName.Trim());
        if (throttle.WaitFor(NameKind, userName, AnyAddress) is { } nameWait && !await IsKnownAddressAsync(user)) return await TooManyAsync(userName, user, nameWait);
        if (user is null)
        {
            var hasher = signIn.UserManager.PasswordHasher;
            var probe = new AppUser { UserName = "-" };
            hasher.VerifyHashedPassword(probe, dummyHash ??= hasher.HashPassword(probe, Guid.NewGuid().ToString()), password);
            return await FailedAsync(userName, null, wrong, "用户名不存在");
        }
        // Identity's lockout is not used: it would hand anyone a switch that locks an account.
        if (!await signIn.UserManager.CheckPasswordAsync(user, password)) return await FailedAsync(userName, user, wrong, "密码错误");
        throttle.Succeeded(Kind, userName, caller.Ip);
        // Only after the password: a stranger learns nothing about an account from the answer.
        if (user.Disabled)
        {
            await audit.RecordAsync(IdentityAuditNames.LoginFailed, userName, user, "账号已停用");
            return Refused("账号已停用，请联系管理员");
        }
        return Result<AppUser>.Ok(user);
    }

    async Task<Result<AppUser>> FailedAsync(string userName, AppUser? user, string message, string reason)
    {
        throttle.Failed(Kind, userName, caller.Ip);
        throttle.Failed(NameKind, userName, AnyAddress, SignInThrottle.FreeNameFailures);
        await audit.RecordAsync(IdentityAuditNames.LoginFailed, userName, user, reason);
        return Refused(message);
    }

    async Task<Result<AppUser>> TooManyAsync(string userName, AppUser? user, TimeSpan wait)
    {
        await audit.RecordAsync(IdentityAuditNames.LoginThrottled, userName, user, $"失败次数过多，需等待 {SignInThrottle.Minutes(wait)} 分钟");
        return TooMany(wait);
    }

    // Whether the account signed in from the caller's address within KnownFor. Asked for unknown names
    // too (no account has id 0), so both cost the same query.
    async Task<bool> IsKnownAddressAsync(AppUser? user)
    {
        if (caller.Ip is not { } ip) return false;
        var userId = user?.Id ?? 0;
        var since = clock.GetUtcNow().UtcDateTime - KnownFor;
        await using var db = database.CreateUnscoped(AuditActor.System);
        return await db.Set<UserSession>().AnyAsync(s => s.UserId == userId && s.Ip == ip && s.StartedAt >= since) && user is not null;
    }

    static Result<AppUser> TooMany(TimeSpan wait) =>
        Refused($"登录失败次数过多，请 {SignInThrottle.Minutes(wait)} 分钟后再试");

    static Result<AppUser> Refused(string message) => Result<AppUser>.Forbidden(message, FailedTitle);
}
