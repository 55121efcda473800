using System.Net.Http.Headers;
using System.Net.Http.Json;
using GridGov.Features.Audit;
using GridGov.Features.Identity;
using GridGov.Infrastructure.Database;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Tests.Infrastructure;

// GridGov as a user gets it: the real Program, a fresh data folder, the demo city imported on first
// start (unless DemoCity is 0) and the generated accounts read back from the data folder.
public class GridGovApp : WebApplicationFactory<Program>
{
    public string DataDir { get; } = Directory.CreateTempSubdirectory("gridgov-test-").FullName;
    readonly string? postgres = TestDatabase.NewPostgresDatabase();
    protected virtual long DemoCity => 3201;
    Dictionary<string, string>? passwords;

    protected override void ConfigureWebHost(IWebHostBuilder builder) => Configure(builder);

    protected virtual void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("GridGov:DataDir", DataDir);
        builder.UseSetting("GridGov:DemoCity", DemoCity.ToString());
        // Tests count on an empty ticket table; DemoTicketsTests asks for a history explicitly.
        builder.UseSetting("GridGov:DemoTickets", "0");
        // The registry of the first community only: enough to import against, quick to seed.
        builder.UseSetting("GridGov:DemoRegistry", "community");
        builder.UseSetting("GridGov:LoginRateLimitPerMinute", "100000");
        // No warning evaluation in the background: warning tests run the evaluator at the times they choose.
        builder.UseSetting("GridGov:Warnings:IntervalSeconds", "0");
        if (postgres is not null) builder.UseSetting("ConnectionStrings:Postgres", postgres);
    }

    public IReadOnlyDictionary<string, string> Passwords => passwords ??= ReadPasswords();

    Dictionary<string, string> ReadPasswords()
    {
        _ = Server; // starts the app, which writes the accounts file on first start
        return File.ReadAllLines(Path.Combine(DataDir, SeedAccounts.AccountsFile)).Skip(1)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(p => p[0], p => p[1]);
    }

    public async Task<string> TokenAsync(string userName, string? password = null)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = password ?? Passwords[userName] });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
    }

    public async Task<HttpClient> ClientForAsync(string userName, string? password = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(userName, password));
        return client;
    }

    // For arranging and inspecting state behind the API's back (as an operator with psql would).
    public GridDbContext UnscopedDb() => Services.GetRequiredService<GridDatabase>().CreateUnscoped(AuditActor.System);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        TestDatabase.DropPostgresDatabase(postgres);
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
    }

    sealed record TokenResponse(string AccessToken);
}

// An app with no city: fast to start, for tests that import cities themselves or tamper with data.
public class EmptyGridGovApp : GridGovApp
{
    protected override long DemoCity => 0;
}

[CollectionDefinition(Name)]
public sealed class NanjingCollection : ICollectionFixture<GridGovApp>
{
    public const string Name = "Nanjing";
}
