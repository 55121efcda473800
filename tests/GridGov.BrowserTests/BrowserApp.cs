using GridGov.Features.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// GridGov on a real Kestrel port with the demo city, and headless Debian Chromium driving it.
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    readonly string dataDir = Directory.CreateTempSubdirectory("gridgov-browser-").FullName;
    IPlaywright? playwright;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("GridGov:DataDir", dataDir);
        // The demo city without the demo ticket history: tests count on an empty ticket table.
        builder.UseSetting("GridGov:DemoTickets", "0");
        builder.UseSetting("GridGov:DemoRegistry", "community");
        builder.UseSetting("GridGov:LoginRateLimitPerMinute", "100000");
        // No warnings raised in the background (their notifications would cover other tests' buttons):
        // the warning page's test runs the evaluator itself.
        builder.UseSetting("GridGov:Warnings:IntervalSeconds", "0");
        // As a user runs it: Production, so what only works in Development fails here.
        builder.UseEnvironment("Production");
    }

    public async Task InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Directory.CreateDirectory(Screenshots);
        // The suite runs on two shared cores beside a Blazor circuit per page: a figure or a state that
        // follows a server round trip can take longer than Playwright's 5 s there, without being wrong.
        Assertions.SetDefaultExpectTimeout(10_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("GRIDGOV_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    // Generated on first start; a test that changes a password records the new one here.
    public Dictionary<string, string> Passwords => passwords ??= File.ReadLines(Path.Combine(dataDir, SeedAccounts.AccountsFile)).Skip(1)
        .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToDictionary(p => p[0], p => p[1]);
    Dictionary<string, string>? passwords;

    public string Password(string user) => Passwords[user];

    public async Task<IPage> LoginAsync(string user, string? password = null)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, ViewportSize = new() { Width = 1440, Height = 900 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", password ?? Password(user));
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(u => !u.Contains("/account/login"));
        await page.Locator("#gg-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return page;
    }

    // A phone: 390×844, touch, an Android browser's user agent, geolocation granted at the given point
    // (inside the worker's grid, say). Logs in and lands where the login sends a phone: the terminal.
    public async Task<IPage> PhoneAsync(string user, double lon, double lat, string? password = null)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl, ViewportSize = new() { Width = 390, Height = 844 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true,
            UserAgent = PhoneAgent, Locale = "zh-CN", Permissions = ["geolocation"], Geolocation = new() { Longitude = (float)lon, Latitude = (float)lat, Accuracy = 12 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", password ?? Password(user));
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(u => !u.Contains("/account/login"));
        return page;
    }

    // A point well inside the grid of the given account (its boundary's interior point).
    public async Task<(double Lon, double Lat)> GridPointAsync(string user)
    {
        await using var db = Services.GetRequiredService<GridGov.Infrastructure.Database.GridDatabase>().CreateUnscoped(GridGov.Infrastructure.Database.AuditActor.System);
        var unit = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users.Where(u => u.UserName == user).Select(u => u.OrgUnitCode));
        var shape = await Services.GetRequiredService<GridGov.Features.Organization.Places>().ShapeAsync(unit);
        var p = shape!.InteriorPoint;
        return (p.X, p.Y);
    }

    public const string PhoneAgent = "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36";

    // A weak mobile network, as Chromium's DevTools emulate it (about "3G": 300 ms round trip,
    // 750 kbit/s down, 250 kbit/s up); offline when asked. Returns the session to change it later.
    public static async Task<ICDPSession> ThrottleAsync(IPage page, bool offline = false)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await ConditionsAsync(cdp, offline);
        return cdp;
    }

    // The network gone or back, on a throttled page: the page's own conditions (the throttle's
    // session would otherwise win) and the whole context's, service worker included.
    public static async Task OfflineAsync(IPage page, ICDPSession throttle, bool offline)
    {
        await page.Context.SetOfflineAsync(offline);
        await ConditionsAsync(throttle, offline);
    }

    static Task ConditionsAsync(ICDPSession cdp, bool offline) => cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
    {
        ["offline"] = offline, ["latency"] = 300, ["downloadThroughput"] = 750 * 1024 / 8, ["uploadThroughput"] = 250 * 1024 / 8,
    });

    // Navigates and waits until the page is interactive: a click on a prerendered page is lost.
    public static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.Locator("#gg-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    public static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), Animations = ScreenshotAnimations.Disabled, FullPage = true });

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        await DisposeAsync();
        try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser";
}
