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
        // As a user runs it: Production, so what only works in Development fails here.
        builder.UseEnvironment("Production");
    }

    public async Task InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Directory.CreateDirectory(Screenshots);
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
