using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.AspNetCore.Identity;

namespace GridGov.Features.Identity.Users;

// Stop an account from signing in; its sessions end with the renewed security stamp.
public sealed class DisableUser(UserManager<AppUser> users, AccountGuard guard, SessionRule states)
{
    public async Task<Result<Done>> HandleAsync(long id, CancellationToken ct = default)
    {
        var found = await guard.FindManageableAsync(id, ct);
        if (found.Value is not { } user) return found.As<Done>();
        if (guard.IsSelf(user)) return Result<Done>.Forbidden("不能停用自己的账号", AccountGuard.RefusedTitle);
        user.Disabled = true;
        IdentityChecks.Check(await users.UpdateAsync(user));
        IdentityChecks.Check(await users.UpdateSecurityStampAsync(user));
        states.Forget(user.Id);
        return Result<Done>.Ok(Done.Value);
    }
}
