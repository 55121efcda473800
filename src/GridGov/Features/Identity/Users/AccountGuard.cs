using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Identity.Users;

// Who may manage an account: seeing it (the data scope) is not enough. Its scope must lie within the
// manager's, and the manager must hold every administrative permission the account has; otherwise a
// district admin could reset the password of a city-wide account placed in its district.
public sealed class AccountGuard(GridDbContext db, UserManager<AppUser> users, RoleManager<AppRole> roles, CurrentUser caller)
{
    // The account behind an action on it (disable, enable, reset): outside the caller's scope it does
    // not exist; one the caller may not manage is refused.
    public async Task<Result<AppUser>> FindManageableAsync(long id, CancellationToken ct)
    {
        if (!await db.Users.AnyAsync(u => u.Id == id, ct) || await users.FindByIdAsync(id.ToString()) is not { } user)
            return Result<AppUser>.NotFound();
        return await RefuseAsync(user) is { } why ? Result<AppUser>.Forbidden(why, RefusedTitle) : Result<AppUser>.Ok(user);
    }

    public const string RefusedTitle = "不能操作该账号";

    public async Task<string?> RefuseAsync(AppUser target)
    {
        if (!caller.Scope.Covers(target.DataScope, target.OrgUnitCode, DataScope.ParseUnits(target.CustomScopeUnits)))
            return $"账号 {target.UserName} 的数据范围大于您的范围，不能由您管理";
        var beyond = new List<string>();
        foreach (var role in await users.GetRolesAsync(target))
            beyond.AddRange((await AdministrativeBeyondCallerAsync(role)).Except(beyond));
        return beyond.Count == 0 ? null
            : $"账号 {target.UserName} 拥有您没有的管理权限（{string.Join("、", beyond.Select(p => Permissions.All.GetValueOrDefault(p, p)))}），不能由您管理";
    }

    // The administrative permissions of a role that the caller does not hold.
    public async Task<List<string>> AdministrativeBeyondCallerAsync(string roleName)
    {
        if (await roles.FindByNameAsync(roleName) is not { } role) return [];
        return (await roles.GetClaimsAsync(role))
            .Where(c => c.Type == Permissions.ClaimType && Permissions.Administrative.Contains(c.Value) && !caller.Has(c.Value))
            .Select(c => c.Value).ToList();
    }

    public bool IsSelf(AppUser target) => caller.UserId == target.Id;
}
