using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;

namespace GridGov.Infrastructure.Security;

static class SecuritySetup
{
    public const string Scheme = "GridGov";
    public const string LoginRateLimit = "login";
    public const string PhotoRateLimit = "photo-upload";
    public const int PhotoUploadsPerMinute = 30;

    static string? HubToken(HttpContext ctx) =>
        ctx.Request.Path.StartsWithSegments("/hubs") && ctx.Request.Query["access_token"] is { Count: > 0 } t ? t.ToString() : null;

    // Bearer tokens open the API (and its OpenAPI document) and the hubs only; pages and file posts of the UI go by the cookie,
    // so a token taken from a phone cannot render an office page. The hubs take no cookie at all: a
    // page of another site could otherwise open one with the user's cookie and listen in.
    public static bool UsesBearer(HttpContext ctx) =>
        ctx.Request.Path.StartsWithSegments("/hubs")
        || ((ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/openapi")) && ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase));

    public static void AddGridSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<UseCases.UseCases>();

        // Cookies for the UI, bearer tokens for the API; one scheme picks by the Authorization header.
        services.AddAuthentication(o => { o.DefaultScheme = Scheme; o.DefaultChallengeScheme = Scheme; })
            .AddPolicyScheme(Scheme, "Cookie or bearer", o => o.ForwardDefaultSelector = ctx =>
                UsesBearer(ctx) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                // Short-lived access tokens; the refresh endpoint renews them while the session holds.
                o.BearerTokenExpiration = TimeSpan.FromMinutes(builder.Configuration.GetValue("GridGov:AccessTokenMinutes", 15));
                o.RefreshTokenExpiration = TimeSpan.FromHours(builder.Configuration.GetValue("GridGov:RefreshTokenHours", 12));
                // WebSockets cannot carry an Authorization header: SignalR clients send the token in the query.
                o.Events.OnMessageReceived = ctx => { ctx.Token ??= HubToken(ctx.HttpContext); return Task.CompletedTask; };
            })
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "gridgov.auth";
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(builder.Configuration.GetValue("GridGov:IdleTimeoutMinutes", 30));
            o.SlidingExpiration = true;
            // The API answers 401/403 rather than redirecting to the login page.
            o.Events.OnRedirectToLogin = ctx => ApiOr(ctx.HttpContext, 401, () => ctx.Response.Redirect(ctx.RedirectUri));
            o.Events.OnRedirectToAccessDenied = ctx => ApiOr(ctx.HttpContext, 403, () => ctx.Response.Redirect(ctx.RedirectUri));
        });
        var authorization = services.AddAuthorizationBuilder();
        foreach (var p in Permissions.All.Keys)
            authorization.AddPolicy(p, b => b.RequireAuthenticatedUser().RequireClaim(Permissions.ClaimType, p));
        // Seeing tickets (queues, details) comes with any of the ticket permissions.
        authorization.AddPolicy(Permissions.TicketsAny, b => b.RequireAuthenticatedUser().RequireClaim(Permissions.ClaimType, Permissions.TicketWork));
        services.AddCascadingAuthenticationState();
        // Open hub connections stay under the session rule (HubSessions).
        services.AddSingleton<HubSessions>();
        services.AddHostedService(sp => sp.GetRequiredService<HubSessions>());
        services.Configure<Microsoft.AspNetCore.SignalR.HubOptions>(o => Microsoft.AspNetCore.SignalR.HubOptionsExtensions.AddFilter<HubSessions>(o));
        services.AddMemoryCache();

        // Behind a reverse proxy the client's address comes from X-Forwarded-For, but only when the
        // request comes from a proxy listed here: anyone else could name any address.
        var proxies = TrustedProxies(builder.Configuration);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var ip in proxies) o.KnownProxies.Add(ip);
        });

        var perMinute = builder.Configuration.GetValue("GridGov:LoginRateLimitPerMinute", 20);
        var photosPerMinute = builder.Configuration.GetValue("GridGov:PhotoUploadsPerMinute", PhotoUploadsPerMinute);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(LoginRateLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "?",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) }));
            // Each photo is decoded: one account may not keep the decoders busy for everyone else.
            o.AddPolicy(PhotoRateLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "ip:" + ctx.Connection.RemoteIpAddress,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = photosPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
    }

    static List<System.Net.IPAddress> TrustedProxies(IConfiguration config) =>
        (config["GridGov:TrustedProxies"] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(a => System.Net.IPAddress.TryParse(a, out var ip) ? ip
                : throw new InvalidOperationException($"GridGov:TrustedProxies 中的“{a}”不是 IP 地址")).ToList();

    // First in the pipeline: every later part (sign-in throttling, rate limits, audit) sees the client.
    public static void UseTrustedProxies(this WebApplication app)
    {
        if (TrustedProxies(app.Configuration).Count > 0) app.UseForwardedHeaders();
    }

    static Task ApiOr(HttpContext http, int status, Action redirect)
    {
        // The API reference (/api/docs) is a page and redirects; the API and its JSON description answer with a status.
        var path = http.Request.Path;
        if ((path.StartsWithSegments("/api") && !path.StartsWithSegments("/api/docs")) || path.StartsWithSegments("/openapi"))
            http.Response.StatusCode = status;
        else redirect();
        return Task.CompletedTask;
    }
}
