using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Identity.Users;

// Change an account's name, unit, scope and roles; only an account the caller may manage (AccountGuard).
public sealed class UpdateUser(GridDbContext db, UserManager<AppUser> users, UserRequestCheck check, AccountGuard guard, SessionRule states)
{
    public async Task<Result<UserDto>> HandleAsync(long id, SaveUserRequest r, CancellationToken ct = default)
    {
        // Loaded through the scoped context first: outside the caller's scope it does not exist.
        if (!await db.Users.AnyAsync(u => u.Id == id, ct)) return Result<UserDto>.NotFound();
        var errors = await check.ValidateAsync(r, creating: false, ct);
        if (errors.Count > 0) return Result<UserDto>.Invalid(errors);
        var user = (await users.FindByIdAsync(id.ToString()))!;
        if (await guard.RefuseAsync(user) is { } why) return Result<UserDto>.Invalid("userName", why);
        UserRequestCheck.Apply(user, r);
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded) return Result<UserDto>.Invalid(UserRequestCheck.Errors(result));
        var current = await users.GetRolesAsync(user);
        var wanted = r.Roles ?? [];
        foreach (var step in new[] { await users.RemoveFromRolesAsync(user, current.Except(wanted)), await users.AddToRolesAsync(user, wanted.Except(current)),
                     // Scope and permissions live in the sign-in cookie and token: end the account's sessions.
                     await users.UpdateSecurityStampAsync(user) })
            if (!step.Succeeded) return Result<UserDto>.Invalid(UserRequestCheck.Errors(step));
        states.Forget(id);
        return Result<UserDto>.Ok((await UserRows.FindAsync(db, id, ct))!);
    }
}
