using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.AspNetCore.Mvc;

namespace GridGov.Features.Identity.Roles;

// GET    /api/v1/permissions
// GET    /api/v1/roles
// POST   /api/v1/roles          PUT /api/v1/roles/{id}          DELETE /api/v1/roles/{id}
static class RoleEndpoints
{
    public static void MapRoleEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/permissions", async (ListPermissions list) => (await list.HandleAsync()).ToHttp())
            .WithTags("角色").RequireAuthorization(Permissions.UsersView).WithName("ListPermissions").WithSummary("列出所有权限");
        var g = api.MapGroup("/roles").WithTags("角色");
        g.MapGet("/", async (ListRoles list, CancellationToken ct) => (await list.HandleAsync(ct)).ToHttp())
            .RequireAuthorization(Permissions.UsersView).WithName("ListRoles").WithSummary("列出角色及其权限");
        g.MapPost("/", async ([FromBody] SaveRoleRequest r, SaveRole save, CancellationToken ct) => (await save.HandleAsync(null, r, ct)).ToHttp())
            .RequireAuthorization(Permissions.RolesManage).WithName("CreateRole").WithSummary("新建角色");
        g.MapPut("/{id:long}", async (long id, [FromBody] SaveRoleRequest r, SaveRole save, CancellationToken ct) => (await save.HandleAsync(id, r, ct)).ToHttp())
            .RequireAuthorization(Permissions.RolesManage).WithName("UpdateRole").WithSummary("修改角色的名称、说明和权限");
        g.MapDelete("/{id:long}", async (long id, DeleteRole delete, CancellationToken ct) => (await delete.HandleAsync(id, ct)).ToHttp())
            .RequireAuthorization(Permissions.RolesManage).WithName("DeleteRole").WithSummary("删除无人使用的自定义角色");
    }
}
