using GridGov.Infrastructure.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Identity.Users;

// Disable, enable (which also lifts a lockout) and reset the password of an account in scope.
public sealed class UserActions(GridDbContext db, UserManager<AppUser> users)
{
    async Task<AppUser?> FindInScopeAsync(long id, CancellationToken ct) =>
        await db.Users.AnyAsync(u => u.Id == id, ct) ? await users.FindByIdAsync(id.ToString()) : null;

    public async Task<bool> SetDisabledAsync(long id, bool disabled, CancellationToken ct = default)
    {
        if (await FindInScopeAsync(id, ct) is not { } user) return false;
        user.Disabled = disabled;
        if (!disabled) { user.LockoutEnd = null; user.AccessFailedCount = 0; }
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        return true;
    }

    public async Task<PasswordResult?> ResetPasswordAsync(long id, CancellationToken ct = default)
    {
        if (await FindInScopeAsync(id, ct) is not { } user) return null;
        var password = Shell.FirstStart.NewPassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        return new PasswordResult(user.Id, user.UserName!, password);
    }
}
