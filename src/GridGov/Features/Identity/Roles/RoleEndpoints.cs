using GridGov.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Identity.Roles;

public sealed record RoleDto(long Id, string Name, string DisplayName, string Description, bool BuiltIn, List<string> Permissions, int Users);
public sealed record SaveRoleRequest(string? Name, string? DisplayName, string? Description, List<string>? Permissions);
public sealed record PermissionDto(string Name, string DisplayName);

// GET    /api/v1/permissions
// GET    /api/v1/roles
// POST   /api/v1/roles          PUT /api/v1/roles/{id}          DELETE /api/v1/roles/{id}
static class RoleEndpoints
{
    public static void MapRoleEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/permissions", () => TypedResults.Ok(Permissions.All.Select(p => new PermissionDto(p.Key, p.Value)).ToList()))
            .WithTags("角色").RequireAuthorization(Permissions.UsersView);
        var g = api.MapGroup("/roles").WithTags("角色");
        g.MapGet("/", async (RoleManager<AppRole> roles, CancellationToken ct) => TypedResults.Ok(await ListAsync(roles, ct)))
            .RequireAuthorization(Permissions.UsersView);
        g.MapPost("/", async Task<Results<Ok<RoleDto>, ValidationProblem>> ([FromBody] SaveRoleRequest r, RoleManager<AppRole> roles, CurrentUser caller) =>
            await SaveAsync(roles, caller, null, r) switch
            {
                { Role: { } role } => TypedResults.Ok(role),
                var o => GridGov.Infrastructure.Invalid.Problem(o.Errors),
            })
            .RequireAuthorization(Permissions.RolesManage);
        g.MapPut("/{id:long}", async Task<Results<Ok<RoleDto>, NotFound, ValidationProblem>> (long id, [FromBody] SaveRoleRequest r, RoleManager<AppRole> roles, CurrentUser caller) =>
            await SaveAsync(roles, caller, id, r) switch
            {
                { NotFound: true } => TypedResults.NotFound(),
                { Role: { } role } => TypedResults.Ok(role),
                var o => GridGov.Infrastructure.Invalid.Problem(o.Errors),
            }).RequireAuthorization(Permissions.RolesManage);
        g.MapDelete("/{id:long}", async Task<Results<NoContent, NotFound, ProblemHttpResult>> (long id, RoleManager<AppRole> roles, UserManager<AppUser> users) =>
            await DeleteAsync(roles, users, id) switch
            {
                null => TypedResults.NoContent(),
                NotFoundMessage => TypedResults.NotFound(),
                var problem => TypedResults.Problem(problem, statusCode: 409, title: "不能删除"),
            }).RequireAuthorization(Permissions.RolesManage);
    }

    const string NotFoundMessage = "角色不存在";

    public sealed record SaveOutcome(RoleDto? Role, Dictionary<string, string[]> Errors, bool NotFound = false);

    // Create (id null) or change a role and its permissions. Nobody puts a permission into a role that
    // they do not hold themselves, and the city admin role keeps the power to manage accounts and roles.
    public static async Task<SaveOutcome> SaveAsync(RoleManager<AppRole> roles, CurrentUser caller, long? id, SaveRoleRequest r)
    {
        AppRole? role = null;
        if (id is { } existing && (role = await roles.FindByIdAsync(existing.ToString())) is null) return new(null, [], NotFound: true);
        var errors = Validate(r, creating: role is null);
        var held = role is null ? [] : (await roles.GetClaimsAsync(role)).Where(c => c.Type == Permissions.ClaimType).Select(c => c.Value).ToList();
        var added = (r.Permissions ?? []).Except(held).Where(p => !caller.Has(p)).ToList();
        if (added.Count > 0) errors["permissions"] = [$"您不能授予自己没有的权限：{string.Join("、", added.Select(p => Permissions.All.GetValueOrDefault(p, p)))}"];
        if (role?.Name == BuiltInRoles.CityAdmin && !new[] { Permissions.UsersManage, Permissions.RolesManage }.All(p => (r.Permissions ?? []).Contains(p)))
            errors["permissions"] = ["市级管理员角色必须保留“管理用户”和“管理角色与权限”"];
        if (errors.Count == 0 && role is null && await roles.RoleExistsAsync(r.Name!.Trim())) errors["name"] = [$"角色标识“{r.Name}”已存在"];
        if (errors.Count > 0) return new(null, errors);
        role ??= new AppRole { Name = r.Name!.Trim() };
        Apply(role, r);
        if (role.Id == 0) await roles.CreateAsync(role); else await roles.UpdateAsync(role);
        await SetPermissionsAsync(roles, role, r.Permissions ?? []);
        return new((await ListAsync(roles, default)).Single(x => x.Id == role.Id), []);
    }

    // Null when deleted, else why not.
    public static async Task<string?> DeleteAsync(RoleManager<AppRole> roles, UserManager<AppUser> users, long id)
    {
        if (await roles.FindByIdAsync(id.ToString()) is not { } role) return NotFoundMessage;
        if (role.BuiltIn) return "内置角色不能删除";
        if ((await users.GetUsersInRoleAsync(role.Name!)).Count > 0) return "仍有用户使用该角色，请先调整这些用户";
        await roles.DeleteAsync(role);
        return null;
    }

    // Permissions are listed in the order they are defined: by area, not alphabetically.
    static readonly Dictionary<string, int> Order = Permissions.All.Keys.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);

    public static async Task<List<RoleDto>> ListAsync(RoleManager<AppRole> roles, CancellationToken ct)
    {
        // Roles are not place-bound; counts of users are city-wide.
        var all = await roles.Roles.OrderBy(r => r.Id).ToListAsync(ct);
        var result = new List<RoleDto>();
        foreach (var r in all)
        {
            var perms = (await roles.GetClaimsAsync(r)).Where(c => c.Type == Permissions.ClaimType).Select(c => c.Value)
                .OrderBy(p => Order.GetValueOrDefault(p, int.MaxValue)).ToList();
            result.Add(new RoleDto(r.Id, r.Name!, r.DisplayName, r.Description, r.BuiltIn, perms, 0));
        }
        return result;
    }

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

    static void Apply(AppRole role, SaveRoleRequest r)
    {
        role.DisplayName = r.DisplayName!.Trim();
        role.Description = r.Description?.Trim() ?? "";
    }

    static async Task SetPermissionsAsync(RoleManager<AppRole> roles, AppRole role, List<string> wanted)
    {
        var claims = (await roles.GetClaimsAsync(role)).Where(c => c.Type == Permissions.ClaimType).ToList();
        foreach (var c in claims.Where(c => !wanted.Contains(c.Value))) await roles.RemoveClaimAsync(role, c);
        foreach (var p in wanted.Distinct().Where(p => claims.All(c => c.Value != p))) await roles.AddClaimAsync(role, new(Permissions.ClaimType, p));
    }

}
