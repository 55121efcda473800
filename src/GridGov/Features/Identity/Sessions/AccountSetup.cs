using GridGov.Infrastructure.Security;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;

namespace GridGov.Features.Identity;

// Accounts and their sessions: ASP.NET Core Identity over our stores, the password and lockout
// policy (README), and the session rule (SessionRule) that plumbing applies to every request and hub
// connection; open tabs check it too (RevalidatingAuthState). The schemes themselves (cookie or
// bearer) are plumbing: Infrastructure/Security/SecuritySetup.cs.
public static class AccountSetup
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        // A disabled account or a reset password ends existing sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            // The validator rebuilds the cookie's principal from the account: the session id goes along.
            o.OnRefreshingPrincipal = ctx =>
            {
                if (ctx.CurrentPrincipal?.FindFirst(ISessionRule.SessionClaim) is { } sid && ctx.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity id)
                    id.AddClaim(new(sid.Type, sid.Value));
                return Task.CompletedTask;
            };
        });

        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                // Sign-in does not use Identity's lockout (CheckSignIn): guessing is slowed per name and
                // address, and per name except at the account's known addresses, so nobody locks another's account.
                o.Lockout.MaxFailedAccessAttempts = 50;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<AppRole>()
            .AddUserStore<GridUserStore>()
            .AddRoleStore<GridRoleStore>()
            .AddClaimsPrincipalFactory<GridClaimsFactory>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddScoped<RevalidatingAuthState>();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>(sp => sp.GetRequiredService<RevalidatingAuthState>());
        services.AddScoped<CircuitHandler, UserCircuitHandler>();
        services.AddSingleton<SessionRule>();
        services.AddSingleton<ISessionRule>(sp => sp.GetRequiredService<SessionRule>());
        services.AddScoped<SessionSignIn>();
        return services;
    }
}
