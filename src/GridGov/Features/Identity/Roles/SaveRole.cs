using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.Text;
using GridGov.Infrastructure.UseCases;
using Microsoft.AspNetCore.Identity;

namespace GridGov.Features.Identity.Roles;

// Create (id null) or change a role and its permissions. Nobody puts a permission into a role that
// they do not hold themselves, and the city admin role keeps the power to manage accounts and roles.
// Roles hold city-wide, so only a city-wide account changes them (ADR 0009).
public sealed class SaveRole(RoleManager<AppRole> roles, UserManager<AppUser> users, SessionRule sessions, CurrentUser caller, ListRoles list)
{
    public async Task<Result<RoleDto>> HandleAsync(long? id, SaveRoleRequest r, CancellationToken ct = default)
    {
        if (CitySettings.Refuse<RoleDto>(caller, "角色与权限") is { } refused) return refused;
        if (TooMany(r) is { } tooMany) return Result<RoleDto>.Invalid(tooMany);
        AppRole? role = null;
        if (id is { } existing && (role = await roles.FindByIdAsync(existing.ToString())) is null) return Result<RoleDto>.NotFound();
        var errors = Validate(r, creating: role is null);
        var held = role is null ? [] : (await roles.GetClaimsAsync(role)).Where(c => c.Type == Permissions.ClaimType).Select(c => c.Value).ToList();
        var added = (r.Permissions ?? []).Except(held).Where(p => !caller.Has(p)).ToList();
        if (added.Count > 0) errors["permissions"] = [$"您不能授予自己没有的权限：{string.Join("、", added.Select(p => Permissions.All.GetValueOrDefault(p, p)))}"];
        if (role?.Name == BuiltInRoles.CityAdmin && !new[] { Permissions.UsersManage, Permissions.RolesManage }.All(p => (r.Permissions ?? []).Contains(p)))
            errors["permissions"] = ["市级管理员角色必须保留“管理用户”和“管理角色与权限”"];
        if (errors.Count == 0 && role is null && await roles.RoleExistsAsync(r.Name!.Trim())) errors["name"] = [$"角色标识“{r.Name}”已存在"];
        if (errors.Count > 0) return Result<RoleDto>.Invalid(errors);
        role ??= new AppRole { Name = r.Name!.Trim() };
        role.DisplayName = CleanText.Line(r.DisplayName!).Trim();
        role.Description = CleanText.Multiline(r.Description)?.Trim() ?? "";
        if (role.Id == 0) await roles.CreateAsync(role); else await roles.UpdateAsync(role);
        if (await SetPermissionsAsync(role, r.Permissions ?? [])) await RenewMembersAsync(role);
        return Result<RoleDto>.Ok((await list.HandleAsync(ct)).Value!.Single(x => x.Id == role.Id));
    }

    // A list longer than there are permissions is refused before it is compared with anything.
    static Dictionary<string, string[]>? TooMany(SaveRoleRequest r) => r.Permissions?.Count > Permissions.All.Count
        ? new() { ["permissions"] = [$"权限最多 {Permissions.All.Count} 项（提交了 {r.Permissions.Count} 项）"] } : null;

    static Dictionary<string, string[]> Validate(SaveRoleRequest r, bool creating)
    {
        var e = new Dictionary<string, string[]>();
        if (creating && (string.IsNullOrWhiteSpace(r.Name) || !r.Name.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c == '_')))
            e["name"] = ["角色标识只能包含字母、数字和下划线"];
        if (string.IsNullOrWhiteSpace(r.DisplayName)) e["displayName"] = ["请填写角色名称"];
        else if (r.DisplayName.Trim().Length > 50) e["displayName"] = ["角色名称不能超过 50 字"];
        if (creating && r.Name?.Trim().Length > 60) e["name"] = ["角色标识不能超过 60 个字符"];
        if (r.Description?.Trim().Length > 200) e["description"] = ["说明不能超过 200 字"];
        var unknown = (r.Permissions ?? []).Where(p => !Permissions.All.ContainsKey(p)).ToList();
        if (unknown.Count > 0) e["permissions"] = [$"未知权限：{string.Join("、", unknown)}"];
        return e;
    }

    // True when the permissions changed.
    async Task<bool> SetPermissionsAsync(AppRole role, List<string> wanted)
    {
        var claims = (await roles.GetClaimsAsync(role)).Where(c => c.Type == Permissions.ClaimType).ToList();
        var removed = claims.Where(c => !wanted.Contains(c.Value)).ToList();
        var added = wanted.Distinct().Where(p => claims.All(c => c.Value != p)).ToList();
        foreach (var c in removed) await roles.RemoveClaimAsync(role, c);
        foreach (var p in added) await roles.AddClaimAsync(role, new(Permissions.ClaimType, p));
        return removed.Count + added.Count > 0;
    }

    // Sessions carry their permissions: the role's holders sign in again to get the new ones (the
    // session rule ends their sessions on the renewed stamp).
    async Task RenewMembersAsync(AppRole role)
    {
        foreach (var user in await users.GetUsersInRoleAsync(role.Name!))
        {
            await users.UpdateSecurityStampAsync(user);
            sessions.Forget(user.Id);
        }
    }
}
