using GridGov.Features.Identity.Roles;
using GridGov.Features.Identity.Users;

namespace GridGov.Features.Identity;

// Accounts, roles and sign-in: the use cases (one class each, shared by the API and the pages) and
// their routes.
public static class IdentityArea
{
    public static IServiceCollection AddIdentityArea(this IServiceCollection services)
    {
        services.AddAccounts();
        services.AddScoped<SeedAccounts>();
        services.AddScoped<AccountGuard>();
        services.AddScoped<UserRequestCheck>();
        services.AddScoped<ListUsers>();
        services.AddScoped<ExportUsers>();
        services.AddScoped<GetUser>();
        services.AddScoped<CreateUser>();
        services.AddScoped<UpdateUser>();
        services.AddScoped<DisableUser>();
        services.AddScoped<EnableUser>();
        services.AddScoped<ResetPassword>();
        services.AddScoped<ListPermissions>();
        services.AddScoped<ListRoles>();
        services.AddScoped<SaveRole>();
        services.AddScoped<DeleteRole>();
        services.AddScoped<CheckSignIn>();
        services.AddScoped<SignInAudit>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<ChangeOwnPassword>();
        services.AddScoped<GetMe>();
        return services;
    }

    // `api` is the /api/v1 group; the login, password and logout form posts live outside it.
    public static void MapIdentityArea(this RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        api.MapAuthEndpoints();
        api.MapUserEndpoints();
        api.MapRoleEndpoints();
        app.MapAccountEndpoints();
    }
}
