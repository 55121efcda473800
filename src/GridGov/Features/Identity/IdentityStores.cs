using GridGov.Infrastructure.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace GridGov.Features.Identity;

// Identity must find any account to sign it in, before anyone is known, so its stores use an
// unscoped context. Screens that list or edit accounts load them through the scoped context first.
sealed class GridUserStore(GridDbFactory factory)
    : UserStore<AppUser, AppRole, GridDbContext, long>(factory.CreateUnscoped()), IAsyncDisposable
{
    public ValueTask DisposeAsync() => Context.DisposeAsync();
}

sealed class GridRoleStore(GridDbFactory factory)
    : RoleStore<AppRole, GridDbContext, long>(factory.CreateUnscoped()), IAsyncDisposable
{
    public ValueTask DisposeAsync() => Context.DisposeAsync();
}

// Puts unit and data scope into the sign-in cookie or token, so every request knows its scope
// without a database round trip. Role permissions come in as "perm" claims from the base factory.
sealed class GridClaimsFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, Microsoft.Extensions.Options.IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<System.Security.Claims.ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var id = await base.GenerateClaimsAsync(user);
        id.AddClaim(new(Infrastructure.Security.CurrentUser.UnitClaim, user.OrgUnitCode.ToString()));
        id.AddClaim(new(Infrastructure.Security.CurrentUser.ScopeClaim, user.DataScope.ToString()));
        id.AddClaim(new(Infrastructure.Security.CurrentUser.ScopeUnitsClaim, user.CustomScopeUnits ?? ""));
        id.AddClaim(new(Infrastructure.Security.CurrentUser.DisplayNameClaim, user.DisplayName));
        if (user.DepartmentId is { } department)
            id.AddClaim(new(Infrastructure.Security.CurrentUser.DepartmentClaim, department.ToString()));
        return id;
    }
}
