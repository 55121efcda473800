using System.Net.Http.Json;
using GridGov.Features.Identity;
using GridGov.Infrastructure.Database;

namespace GridGov.Bench;

// The built GridGov.dll started on a prepared BenchCity (its data folder; for PostgreSQL also its
// connection string), as `dotnet GridGov.dll --urls …` with GridGov__DataDir, in Production. Its first
// start adds the roles and the demo accounts (passwords in DataDir/initial-accounts.txt).
sealed class AppUnderTest : IAsyncDisposable
{
    public ServerProcess Server { get; }
    public BenchCity City { get; }
    readonly HttpClient http;

    AppUnderTest(ServerProcess server, BenchCity city)
    {
        Server = server;
        City = city;
        http = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromSeconds(120) };
    }

    public string BaseUrl => Server.BaseUrl;

    // `settings`: more configuration for this run (GridGov__X=…).
    public static async Task<AppUnderTest> StartAsync(BenchCity city, IReadOnlyDictionary<string, string>? settings = null)
    {
        var env = new Dictionary<string, string>
        {
            ["GridGov__DataDir"] = city.DataDir,
            ["GridGov__LoginRateLimitPerMinute"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) env[key] = value;
        if (city.Provider == DatabaseProvider.Postgres) env["ConnectionStrings__Postgres"] = city.PostgresConnectionString!;
        var server = await ServerProcess.StartAsync(ServerProcess.AppDll, [], env, Path.Combine(city.DataDir, "app.log"),
            "/api/v1/auth/me", TimeSpan.FromMinutes(3));
        return new AppUnderTest(server, city);
    }

    public Dictionary<string, string> DemoPasswords() =>
        File.ReadAllLines(Path.Combine(City.DataDir, SeedAccounts.AccountsFile)).Skip(1)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length >= 2)
            .ToDictionary(p => p[0], p => p[1]);

    public async Task<string> TokenAsync(string userName, string password)
    {
        using var r = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"token for {userName}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return (await r.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
    }

    // A new account through the API, as an administrator makes one; returns its token.
    public async Task<string> CreateUserAsync(string adminToken, string userName, string displayName, long unit, string role)
    {
        const string Password = "bench2026pass";
        using var m = HttpLoad.Json(HttpMethod.Post, "/api/v1/users", adminToken, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new
        {
            userName, displayName, orgUnitCode = unit, dataScope = "UnitAndBelow", roles = new[] { role }, password = Password,
        }, System.Text.Json.JsonSerializerOptions.Web));
        using var r = await http.SendAsync(m);
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"creating {userName}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return await TokenAsync(userName, Password);
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await Server.DisposeAsync();
        // The app's output (start-up, errors) is deleted with the data folder unless asked for.
        if (Environment.GetEnvironmentVariable("GRIDGOV_BENCH_LOGS") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            File.Copy(Server.LogFile, Path.Combine(dir, $"app-{City.Label}-{DateTime.Now:HHmmss}.log"), overwrite: true);
        }
    }

    sealed record TokenResponse(string AccessToken);
}
