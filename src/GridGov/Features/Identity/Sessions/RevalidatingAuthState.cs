using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

using GridGov.Infrastructure.Security;

namespace GridGov.Features.Identity;

// An open tab (a Blazor circuit) checks its account every minute, as the cookie does per request: a
// disabled account, a reset password, changed roles or a logout elsewhere end the session, and the
// idle timeout applies.
sealed class RevalidatingAuthState(ILoggerFactory logs, ISessionRule sessions,
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
        return await sessions.IsCurrentAsync(state.User, ct);
    }
}
