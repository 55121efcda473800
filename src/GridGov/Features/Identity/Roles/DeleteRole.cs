using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.AspNetCore.Identity;

namespace GridGov.Features.Identity.Roles;

// Only a custom role that nobody holds: taking a role from its users is a decision made per user.
public sealed class DeleteRole(RoleManager<AppRole> roles, UserManager<AppUser> users, CurrentUser caller)
{
    const string Refused = "不能删除";

    public async Task<Result<Done>> HandleAsync(long id, CancellationToken ct = default)
    {
        if (CitySettings.Refuse<Done>(caller, "角色与权限") is { } refused) return refused;
        if (await roles.FindByIdAsync(id.ToString()) is not { } role) return Result<Done>.NotFound();
        if (role.BuiltIn) return Result<Done>.Conflict("内置角色不能删除", Refused);
        if ((await users.GetUsersInRoleAsync(role.Name!)).Count > 0) return Result<Done>.Conflict("仍有用户使用该角色，请先调整这些用户", Refused);
        await roles.DeleteAsync(role);
        return Result<Done>.Ok(Done.Value);
    }
}
