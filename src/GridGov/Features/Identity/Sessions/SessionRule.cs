using System.Security.Claims;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace GridGov.Features.Identity;

// The session rule (README "Security") that plumbing applies to every request and hub connection:
// the account exists and is enabled, its security stamp is the one the session was issued with (a
// reset password, changed roles, scope or unit renew it), and the session was not logged out.
// Account and session states are cached for CacheTime and dropped at once when this node changes
// them, so a session ended here ends at once, one ended on another node within CacheTime plus the
// hub sweep's interval: under a minute.
public sealed class SessionRule(IMemoryCache cache, GridDatabase database, IOptions<IdentityOptions> identity,
    HubSessions hubs, TimeProvider clock) : ISessionRule
{
    public static readonly TimeSpan CacheTime = TimeSpan.FromSeconds(30);

    sealed record Account(bool Enabled, string? Stamp);

    public async ValueTask<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (principal.Identity?.IsAuthenticated != true) return true;
        if (!long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)) return false;
        if (principal.FindFirstValue(ISessionRule.SessionClaim) is not { Length: > 0 } sid) return false;
        var account = await AccountAsync(userId, ct);
        return account.Enabled
            && principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) == account.Stamp
            && await IsOpenAsync(sid, userId, ct);
    }

    async Task<Account> AccountAsync(long userId, CancellationToken ct) =>
        (await cache.GetOrCreateAsync(("account", userId), async e =>
        {
            e.AbsoluteExpirationRelativeToNow = CacheTime;
            await using var db = database.CreateUnscoped(AuditActor.System);
            var user = await db.Set<AppUser>().AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.Disabled, u.SecurityStamp }).SingleOrDefaultAsync(ct);
            return user is null ? new Account(false, null) : new Account(!user.Disabled, user.SecurityStamp);
        }))!;

    async Task<bool> IsOpenAsync(string sid, long userId, CancellationToken ct) =>
        await cache.GetOrCreateAsync(("session", sid), async e =>
        {
            e.AbsoluteExpirationRelativeToNow = CacheTime;
            await using var db = database.CreateUnscoped(AuditActor.System);
            return await db.Set<UserSession>().AnyAsync(s => s.Id == sid && s.UserId == userId && s.EndedAt == null, ct);
        });

    // A new session for a signed-in account; its id goes into the cookie or the tokens. The session
    // row and the last-login time are audited as one 登录成功 record, not as a new row and a change.
    public async Task<string> StartAsync(AppUser user, SessionKind kind, string? ip)
    {
        var session = new UserSession
        {
            Id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),
            UserId = user.Id, Kind = kind, StartedAt = clock.GetUtcNow().UtcDateTime, Ip = ip,
        };
        await using var db = database.CreateUnscoped(new AuditActor(user.Id, user.UserName ?? "", user.OrgUnitCode, ip));
        db.Add(session);
        await db.Set<AppUser>().Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.LastLoginAt, session.StartedAt));
        user.LastLoginAt = session.StartedAt;
        db.AuditSummary = SignInAudit.Summary(IdentityAuditNames.LoginSucceeded, user, new() { ["Session"] = kind.ToString() });
        await db.SaveChangesAsync();
        return session.Id;
    }

    // Logout: this session ends on every surface; the account's other sessions go on.
    public Task EndAsync(ClaimsPrincipal principal, string? ip)
    {
        if (principal.FindFirstValue(ISessionRule.SessionClaim) is not { Length: > 0 } sid) return Task.CompletedTask;
        long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId);
        return EndAsync(sid, new AuditActor(userId, principal.Identity?.Name ?? "", 0, ip));
    }

    async Task EndAsync(string sid, AuditActor actor)
    {
        await using (var db = database.CreateUnscoped(actor))
        {
            if (await db.Set<UserSession>().SingleOrDefaultAsync(s => s.Id == sid && (actor.UserId == null || s.UserId == actor.UserId) && s.EndedAt == null) is { } open)
            {
                open.EndedAt = clock.GetUtcNow().UtcDateTime;
                // One 登出 record for the account, not a change of a session row.
                var user = await db.Set<AppUser>().IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(u => u.Id == open.UserId);
                db.AuditSummary = SignInAudit.Summary(IdentityAuditNames.Logout, user, new()
                {
                    ["Session"] = open.Kind.ToString(),
                    ["Reason"] = actor.UserId is null ? "刷新令牌被重复使用，会话已结束" : "本人退出",
                });
                await db.SaveChangesAsync();
            }
        }
        cache.Remove(("session", sid));
        hubs.Sweep();
    }

    // A refresh token is good once: the use numbered `used` is taken (atomically, so two concurrent
    // refreshes with one token cannot both win). A token used before is a copy in other hands: the
    // session ends, and the owner signs in again.
    public async Task<bool> TakeRefreshAsync(string sid, int used, string? ip)
    {
        await using (var db = database.CreateUnscoped(AuditActor.System))
        {
            if (await db.Set<UserSession>().Where(s => s.Id == sid && s.EndedAt == null && s.Refreshes == used)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.Refreshes, used + 1)) == 1)
                return true;
        }
        await EndAsync(sid, new AuditActor(null, "system", 0, ip));
        return false;
    }

    // The account was changed on this node (disabled, password reset, roles or scope): check it anew.
    public void Forget(long userId)
    {
        cache.Remove(("account", userId));
        hubs.Sweep();
    }
}
