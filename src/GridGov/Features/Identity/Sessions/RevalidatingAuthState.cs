using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

using GridGov.Infrastructure.Security;

namespace GridGov.Features.Identity;

// An open tab (a Blazor circuit) checks its account every minute, as the cookie does per request: a
// disabled account, a reset password or changed roles end the session, and the idle timeout applies.
sealed class RevalidatingAuthState(ILoggerFactory logs, IServiceScopeFactory scopes, IOptions<IdentityOptions> identity,
    IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> cookies, TimeProvider clock)
    : RevalidatingServerAuthenticationStateProvider(logs)
{
    DateTimeOffset lastActivity = clock.GetUtcNow();

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    // Circuit traffic does not pass the cookie middleware, so the idle clock is kept here.
    public void Touch() => lastActivity = clock.GetUtcNow();

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct)
    {
        var idle = cookies.Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan;
        if (clock.GetUtcNow() - lastActivity > idle) return false;
        await using var scope = scopes.CreateAsyncScope();
        return await SessionCheck.IsCurrentAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), identity.Value, state.User);
    }
}

static class SessionCheck
{
    // The account still exists, is enabled, and its security stamp is the one the session was issued with.
    public static async Task<bool> IsCurrentAsync(UserManager<AppUser> users, IdentityOptions options, ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return true;
        if (await users.GetUserAsync(principal) is not { Disabled: false } user) return false;
        if (!users.SupportsUserSecurityStamp) return true;
        return principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType) == await users.GetSecurityStampAsync(user);
    }
}
