using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.AspNetCore.Identity;

namespace GridGov.Features.Identity.Users;

// Let a disabled account sign in again (a lockout left from an older version is lifted too).
public sealed class EnableUser(UserManager<AppUser> users, AccountGuard guard, SessionRule states)
{
    public async Task<Result<Done>> HandleAsync(long id, CancellationToken ct = default)
    {
        var found = await guard.FindManageableAsync(id, ct);
        if (found.Value is not { } user) return found.As<Done>();
        user.Disabled = false;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        IdentityChecks.Check(await users.UpdateAsync(user));
        IdentityChecks.Check(await users.UpdateSecurityStampAsync(user));
        states.Forget(user.Id);
        return Result<Done>.Ok(Done.Value);
    }
}
