using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.AspNetCore.Identity;

namespace GridGov.Features.Identity.Users;

public sealed record PasswordResult(long Id, string UserName, string Password);

// A new generated password for an account the caller may manage, answered once.
public sealed class ResetPassword(UserManager<AppUser> users, AccountGuard guard, SessionRule states)
{
    public async Task<Result<PasswordResult>> HandleAsync(long id, CancellationToken ct = default)
    {
        var found = await guard.FindManageableAsync(id, ct);
        if (found.Value is not { } user) return found.As<PasswordResult>();
        var password = Passwords.New();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        IdentityChecks.Check(await users.ResetPasswordAsync(user, token, password));
        states.Forget(user.Id);
        return Result<PasswordResult>.Ok(new(user.Id, user.UserName!, password));
    }
}
