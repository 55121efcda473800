using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.AspNetCore.Mvc;

namespace GridGov.Features.Identity.Users;

// GET  /api/v1/users?unit=&keyword=&page=&pageSize=&sort=   accounts in the caller's scope
// GET  /api/v1/users/export?unit=&keyword=&sort=           the same, all pages, as an XLSX file
// GET  /api/v1/users/{id}
// POST /api/v1/users                                 create (a generated password is returned once)
// PUT  /api/v1/users/{id}                            change unit, scope, roles, name
// POST /api/v1/users/{id}/disable | /enable | /reset-password
static class UserEndpoints
{
    public static void MapUserEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/users").WithTags("用户");
        g.MapGet("/", async ([AsParameters] UserQuery q, ListUsers list, CancellationToken ct) => (await list.HandleAsync(q, ct)).ToHttp())
            .RequireAuthorization(Permissions.UsersView).WithName("ListUsers").WithSummary("列出数据范围内的用户");
        g.MapGet("/export", async ([AsParameters] UserQuery q, ExportUsers export, CancellationToken ct) => await export.HandleAsync(q, ct))
            .RequireAuthorization(Permissions.UsersView).WithName("ExportUsers").WithSummary("按当前条件导出用户（全部页，Excel）")
            .Produces(200, contentType: Infrastructure.Export.XlsxExport.ContentType).ProducesValidationProblem();
        g.MapGet("/{id:long}", async (long id, GetUser get, CancellationToken ct) => (await get.HandleAsync(id, ct)).ToHttp())
            .RequireAuthorization(Permissions.UsersView).WithName("GetUser").WithSummary("查看一个用户");

        var manage = g.MapGroup("").RequireAuthorization(Permissions.UsersManage);
        manage.MapPost("/", async ([FromBody] SaveUserRequest r, CreateUser create, CancellationToken ct) => (await create.HandleAsync(r, ct)).ToHttp())
            .WithName("CreateUser").WithSummary("新建用户（未填密码时生成初始密码，只返回一次）");
        manage.MapPut("/{id:long}", async (long id, [FromBody] SaveUserRequest r, UpdateUser update, CancellationToken ct) => (await update.HandleAsync(id, r, ct)).ToHttp())
            .WithName("UpdateUser").WithSummary("修改用户的姓名、单位、数据范围和角色");
        manage.MapPost("/{id:long}/disable", async (long id, DisableUser disable, CancellationToken ct) => (await disable.HandleAsync(id, ct)).ToHttp())
            .WithName("DisableUser").WithSummary("停用账号");
        manage.MapPost("/{id:long}/enable", async (long id, EnableUser enable, CancellationToken ct) => (await enable.HandleAsync(id, ct)).ToHttp())
            .WithName("EnableUser").WithSummary("启用账号并解除锁定");
        manage.MapPost("/{id:long}/reset-password", async (long id, ResetPassword reset, CancellationToken ct) => (await reset.HandleAsync(id, ct)).ToHttp())
            .WithName("ResetUserPassword").WithSummary("重置密码（新密码只返回一次）");
    }
}
