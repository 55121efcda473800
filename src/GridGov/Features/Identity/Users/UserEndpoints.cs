using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GridGov.Features.Identity.Users;

// GET  /api/v1/users?unit=&keyword=&page=&pageSize=   accounts in the caller's scope
// GET  /api/v1/users/{id}
// POST /api/v1/users                                 create (a generated password is returned once)
// PUT  /api/v1/users/{id}                            change unit, scope, roles, name
// POST /api/v1/users/{id}/disable | /enable | /reset-password
static class UserEndpoints
{
    public static void MapUserEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/users").WithTags("用户");
        g.MapGet("/", async ([AsParameters] UserQuery q, GridDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await ListUsers.HandleAsync(db, q, ct))).RequireAuthorization(Permissions.UsersView);
        g.MapGet("/{id:long}", async Task<Results<Ok<UserDto>, NotFound>> (long id, GridDbContext db, CancellationToken ct) =>
            await ListUsers.GetAsync(db, id, ct) is { } u ? TypedResults.Ok(u) : TypedResults.NotFound())
            .RequireAuthorization(Permissions.UsersView);

        var manage = g.MapGroup("").RequireAuthorization(Permissions.UsersManage);
        manage.MapPost("/", async Task<Results<Created<UserCreated>, ValidationProblem>> ([FromBody] SaveUserRequest r, [FromServices] SaveUser save, CancellationToken ct) =>
        {
            var o = await save.CreateAsync(r, ct);
            return o.User is null ? GridGov.Infrastructure.Invalid.Problem(o.Errors) : TypedResults.Created($"/api/v1/users/{o.User.Id}", new UserCreated(o.User, o.Password));
        });
        manage.MapPut("/{id:long}", async Task<Results<Ok<UserDto>, NotFound, ValidationProblem>> (long id, [FromBody] SaveUserRequest r, [FromServices] SaveUser save, CancellationToken ct) =>
        {
            var o = await save.UpdateAsync(id, r, ct);
            return o.NotFound ? TypedResults.NotFound() : o.User is null ? GridGov.Infrastructure.Invalid.Problem(o.Errors) : TypedResults.Ok(o.User);
        });
        manage.MapPost("/{id:long}/disable", async (long id, [FromServices] UserActions a, CancellationToken ct) =>
            Respond(await a.SetDisabledAsync(id, true, ct)));
        manage.MapPost("/{id:long}/enable", async (long id, [FromServices] UserActions a, CancellationToken ct) =>
            Respond(await a.SetDisabledAsync(id, false, ct)));
        manage.MapPost("/{id:long}/reset-password", async (long id, [FromServices] UserActions a, CancellationToken ct) =>
            Respond(await a.ResetPasswordAsync(id, ct)));
    }

    static Results<NoContent, Ok<PasswordResult>, NotFound, ProblemHttpResult> Respond(UserActionResult r) => r.Kind switch
    {
        ActionResultKind.NotFound => TypedResults.NotFound(),
        ActionResultKind.Refused => TypedResults.Problem(r.Message, statusCode: StatusCodes.Status403Forbidden, title: "不能操作该账号"),
        _ => r.Password is { } p ? TypedResults.Ok(p) : TypedResults.NoContent(),
    };

}

public sealed record UserCreated(UserDto User, string? GeneratedPassword);
