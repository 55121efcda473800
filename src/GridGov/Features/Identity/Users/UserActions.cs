using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Identity.Users;

public enum ActionResultKind { Done, NotFound, Refused }

public sealed record UserActionResult(ActionResultKind Kind, string? Message = null, PasswordResult? Password = null);

// Disable, enable (which also lifts a lockout) and reset the password of an account the caller may
// manage (AccountGuard); outside the caller's scope the account does not exist.
public sealed class UserActions(GridDbContext db, UserManager<AppUser> users, AccountGuard guard, AccountStates states)
{
    async Task<(AppUser? User, UserActionResult? Stop)> FindAsync(long id, CancellationToken ct)
    {
        if (!await db.Users.AnyAsync(u => u.Id == id, ct) || await users.FindByIdAsync(id.ToString()) is not { } user)
            return (null, new(ActionResultKind.NotFound));
        return await guard.RefuseAsync(user) is { } why ? (null, new(ActionResultKind.Refused, why)) : (user, null);
    }

    public async Task<UserActionResult> SetDisabledAsync(long id, bool disabled, CancellationToken ct = default)
    {
        var (user, stop) = await FindAsync(id, ct);
        if (user is null) return stop!;
        if (disabled && guard.IsSelf(user)) return new(ActionResultKind.Refused, "不能停用自己的账号");
        user.Disabled = disabled;
        if (!disabled) { user.LockoutEnd = null; user.AccessFailedCount = 0; }
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        states.Forget(user.Id);
        return new(ActionResultKind.Done);
    }

    public async Task<UserActionResult> ResetPasswordAsync(long id, CancellationToken ct = default)
    {
        var (user, stop) = await FindAsync(id, ct);
        if (user is null) return stop!;
        var password = Passwords.New();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, password));
        states.Forget(user.Id);
        return new(ActionResultKind.Done, Password: new PasswordResult(user.Id, user.UserName!, password));
    }

    static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("；", result.Errors.Select(e => e.Description)));
    }
}
