using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.AspNetCore.Identity;

namespace GridGov.Features.Identity.Users;

public sealed record UserCreated(UserDto User, string? GeneratedPassword);

// A new account. Without a password one is generated and answered once, for the admin to hand over.
public sealed class CreateUser(GridDbContext db, UserManager<AppUser> users, UserRequestCheck check)
{
    public async Task<Result<UserCreated>> HandleAsync(SaveUserRequest r, CancellationToken ct = default)
    {
        var errors = await check.ValidateAsync(r, creating: true, ct);
        if (errors.Count > 0) return Result<UserCreated>.Invalid(errors);
        var password = string.IsNullOrEmpty(r.Password) ? Passwords.New() : r.Password;
        var user = new AppUser { UserName = r.UserName!.Trim(), CreatedAt = DateTime.UtcNow };
        UserRequestCheck.Apply(user, r);
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) return Result<UserCreated>.Invalid(UserRequestCheck.Errors(result));
        if (await users.AddToRolesAsync(user, r.Roles ?? []) is { Succeeded: false } roleResult)
        {
            // Not half-created: an account without its roles is taken back.
            await users.DeleteAsync(user);
            return Result<UserCreated>.Invalid(UserRequestCheck.Errors(roleResult));
        }
        var created = (await UserRows.FindAsync(db, user.Id, ct))!;
        return Result<UserCreated>.Created(new(created, string.IsNullOrEmpty(r.Password) ? password : null), $"/api/v1/users/{user.Id}");
    }
}
