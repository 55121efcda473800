using GridGov.Features.Identity;
using GridGov.Infrastructure.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Host;

// The first sign-in after a start paid for everything done once per process: building the EF model,
// compiling the sign-in queries, the password hasher's first run, the claims (roles, permissions).
// Right after start, in the background, this does that work once with nothing to show for it, so
// the first person to sign in waits no longer than the second. It writes nothing and signs nobody in;
// a failure only costs the speed-up (logged, never fatal).
sealed class WarmUp(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IServer server, IConfiguration config, ILogger<WarmUp> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        // GridGov:WarmUp=false turns it off (to measure what it saves).
        if (!config.GetValue("GridGov:WarmUp", true)) return;
        // After the server listens: the start is not made slower, only the wait for the first user shorter.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(ct);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<GridDbContext>();
            _ = db.Model;
            var signIn = services.GetRequiredService<SignInManager<AppUser>>();
            // The queries of CheckSignIn: the account by name (a name no account has) and its recent sessions.
            await signIn.UserManager.FindByNameAsync("warm-up-no-such-user");
            await using (var unscoped = services.GetRequiredService<GridDatabase>().CreateUnscoped(AuditActor.System))
                await unscoped.Set<UserSession>().AnyAsync(s => s.UserId == 0 && s.Ip == "" && s.StartedAt >= DateTime.UtcNow, ct);
            // The hasher, as an unknown name is checked: a throw-away hash verified once.
            var probe = new AppUser { UserName = "-" };
            var hasher = signIn.UserManager.PasswordHasher;
            hasher.VerifyHashedPassword(probe, hasher.HashPassword(probe, Guid.NewGuid().ToString()), "warm-up");
            // The claims a signed-in user gets (roles and their permissions), for any one account.
            if (await signIn.UserManager.Users.AsNoTracking().OrderBy(u => u.Id).FirstOrDefaultAsync(ct) is { } user)
                await signIn.ClaimsFactory.CreateAsync(user);
            // The key ring, which cookies and bearer tokens are protected with.
            services.GetRequiredService<IDataProtectionProvider>().CreateProtector("GridGov.WarmUp").Protect([1]);
            // The HTTP side: the token route's delegate is built on its first request, its JSON read and
            // written then. A request without a name is refused before any check, counted nowhere.
            if (server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is { } address)
            {
                using var http = new HttpClient { BaseAddress = new Uri(address.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://0.0.0.0", "://127.0.0.1").Replace("://[::]", "://[::1]")) };
                using var _ = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "", password = "" }, ct);
            }
            log.LogInformation("登录预热完成（用时 {Ms} 毫秒），首次登录无需再等待初始化", clock.ElapsedMilliseconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogInformation(e, "登录预热未完成，不影响使用（首次登录会稍慢）");
        }
    }
}
