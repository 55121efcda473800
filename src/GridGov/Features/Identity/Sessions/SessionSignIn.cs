using System.Security.Claims;
using GridGov.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GridGov.Features.Identity;

// Signing in always starts a session (a row in UserSessions) whose id the cookie or the tokens
// carry; the refresh of a terminal's tokens continues it while the session rule holds.
public sealed class SessionSignIn(SignInManager<AppUser> signIn, SessionRule sessions, IHttpContextAccessor http,
    IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
{
    string? Ip => http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    // The office UI: a cookie.
    public Task CookieAsync(AppUser user) => StartAsync(user, SessionKind.Browser, IdentityConstants.ApplicationScheme);

    // The API and the terminal: the bearer handler writes the access and refresh tokens.
    public Task TokensAsync(AppUser user) => StartAsync(user, SessionKind.Token, IdentityConstants.BearerScheme);

    async Task StartAsync(AppUser user, SessionKind kind, string scheme)
    {
        var sid = await sessions.StartAsync(user, kind, Ip);
        signIn.AuthenticationScheme = scheme;
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(ISessionRule.SessionClaim, sid), new Claim(RefreshClaim, "0")]);
    }

    // Which use of the session's refresh tokens a token belongs to (UserSession.Refreshes).
    const string RefreshClaim = "rg";

    // New tokens for a refresh token that is genuine, unexpired and whose session still holds (the
    // account unchanged, not logged out); null otherwise.
    public async Task<ClaimsPrincipal?> RefreshAsync(string? refreshToken)
    {
        if (string.IsNullOrEmpty(refreshToken) || refreshToken.Length > 4096) return null;
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(refreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires) return null;
        if (!await sessions.IsCurrentAsync(ticket.Principal)) return null;
        if (await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { Disabled: false } user) return null;
        var sid = ticket.Principal.FindFirstValue(ISessionRule.SessionClaim)!;
        if (!int.TryParse(ticket.Principal.FindFirstValue(RefreshClaim), out var used) || !await sessions.TakeRefreshAsync(sid, used, Ip))
            return null;
        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaims([new(ISessionRule.SessionClaim, sid), new(RefreshClaim, (used + 1).ToString())]);
        return principal;
    }

    // Logout: the session ends everywhere it is used, and this browser's cookie goes.
    public async Task EndAsync(ClaimsPrincipal principal)
    {
        await sessions.EndAsync(principal, Ip);
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        await signIn.SignOutAsync();
    }
}
