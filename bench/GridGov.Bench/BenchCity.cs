using GridGov.Features.Audit;
using GridGov.Features.Organization;
using GridGov.Features.Tickets;
using GridGov.Infrastructure.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GridGov.Bench;

// A database made ready as the application's first start would make it, for the app to be started on:
// migrated by the app's EF migrations, Nanjing imported (BenchDb's import), the ticket categories and
// calendar and the demo departments seeded. SQLite: gridgov.db in a temp data folder, as the app keeps
// it. PostgreSQL: a new database on the server of GRIDGOV_TEST_PG (dropped on dispose). The app's first
// start then only adds the roles and the accounts.
sealed class BenchCity : IAsyncDisposable
{
    public DatabaseProvider Provider { get; }
    public string DataDir { get; } = Directory.CreateTempSubdirectory("gridgov-bench-").FullName;
    public string? PostgresConnectionString { get; }
    public GridDatabase Database { get; }
    public string Label => Provider == DatabaseProvider.Sqlite ? "sqlite" : "pg";

    BenchCity(DatabaseProvider provider, string? pgServer)
    {
        Provider = provider;
        if (provider == DatabaseProvider.Postgres)
        {
            PostgresConnectionString = new NpgsqlConnectionStringBuilder(pgServer) { Database = $"gridgov_bench_{Guid.NewGuid():N}" }.ConnectionString;
            Database = new GridDatabase(provider, PostgresConnectionString);
        }
        else
        {
            var file = Path.Combine(DataDir, "gridgov.db");
            Database = new GridDatabase(provider, new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString());
        }
    }

    // The PostgreSQL server for benchmarks, as test.sh and bench.sh hand it over; null if none.
    public static string? PostgresServer => Environment.GetEnvironmentVariable("GRIDGOV_TEST_PG") is { Length: > 0 } s ? s : null;

    public static async Task<BenchCity> CreateAsync(DatabaseProvider provider)
    {
        var city = new BenchCity(provider, PostgresServer);
        try
        {
            await using (var db = city.Database.CreateUnscoped(AuditActor.System))
                await db.Database.MigrateAsync(); // creates the PostgreSQL database too
            await BenchDb.ImportAsync(city.Database);
            await new SeedTicketData(city.Database).RunAsync();
            await using (var db = city.Database.CreateUnscoped(AuditActor.System))
                await SeedDepartments.ForCityAsync(db, BenchDb.Nanjing);
            return city;
        }
        catch
        {
            await city.DisposeAsync();
            throw;
        }
    }

    public long DatabaseBytes()
    {
        if (Provider == DatabaseProvider.Sqlite)
            return Directory.GetFiles(DataDir, "gridgov.db*").Sum(f => new FileInfo(f).Length);
        using var c = new NpgsqlConnection(PostgresConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand("SELECT pg_database_size(current_database())", c);
        return (long)cmd.ExecuteScalar()!;
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (PostgresConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                await using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = "postgres" }.ConnectionString);
                await c.OpenAsync();
                var name = new NpgsqlConnectionStringBuilder(PostgresConnectionString).Database;
                await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", c);
                await cmd.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException e) { Console.Error.WriteLine($"warning: could not drop the benchmark database: {e.Message}"); }
        }
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
    }
}
