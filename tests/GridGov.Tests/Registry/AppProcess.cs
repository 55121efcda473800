using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using GridGov.Features.Identity;
using GridGov.Infrastructure.Database;
using GridGov.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace GridGov.Tests.Registry;

// GridGov as an operator runs it: the built GridGov.dll in a process of its own on a data folder (and
// its own PostgreSQL database when the suite runs on PostgreSQL), so that a test can kill it hard and
// start it again on the same data.
public sealed class AppProcess : IAsyncDisposable
{
    public string DataDir { get; } = Directory.CreateTempSubdirectory("gridgov-process-").FullName;
    readonly string? postgres = TestDatabase.NewPostgresDatabase();
    Process? process;
    public string BaseUrl { get; private set; } = "";
    public string Log { get; private set; } = "";

    public GridDatabase Database => postgres is null
        ? new GridDatabase(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = Path.Combine(DataDir, "gridgov.db") }.ToString())
        : new GridDatabase(DatabaseProvider.Postgres, postgres);

    public async Task StartAsync()
    {
        using (var l = new TcpListener(IPAddress.Loopback, 0))
        {
            l.Start();
            BaseUrl = $"http://127.0.0.1:{((IPEndPoint)l.LocalEndpoint).Port}";
        }
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "GridGov.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["GridGov__DataDir"] = DataDir;
        start.Environment["GridGov__DemoTickets"] = "0";
        start.Environment["GridGov__DemoRegistry"] = "community";
        start.Environment["GridGov__LoginRateLimitPerMinute"] = "100000";
        if (postgres is not null) start.Environment["ConnectionStrings__Postgres"] = postgres;
        var log = Path.Combine(DataDir, $"process-{Environment.TickCount64}.log");
        Log = log;
        var writer = new StreamWriter(log) { AutoFlush = true };
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"GridGov exited with {process.ExitCode}: {Tail()}");
            try { using var _ = await probe.GetAsync(BaseUrl + "/account/login"); return; }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (clock.Elapsed > TimeSpan.FromMinutes(3)) throw new TimeoutException("GridGov did not answer: " + Tail());
            await Task.Delay(200);
        }
    }

    string Tail() { try { return string.Join("\n", File.ReadLines(Log).TakeLast(30)); } catch (IOException) { return ""; } }

    // SIGKILL: no shutdown, no flush, as when the power goes.
    public void Kill()
    {
        process!.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public async Task<HttpClient> ClientAsync(string user)
    {
        var password = File.ReadAllLines(Path.Combine(DataDir, SeedAccounts.AccountsFile)).Skip(1)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).First(p => p[0] == user)[1];
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        System.Text.Json.JsonElement token;
        try
        {
            token = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password }))
                .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        }
        catch (TaskCanceledException e) { throw new TimeoutException("no token within 60 s; the log:\n" + Tail(), e); }
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false }) Kill();
        SqliteConnection.ClearAllPools();
        TestDatabase.DropPostgresDatabase(postgres);
        await Task.Yield();
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
    }
}
