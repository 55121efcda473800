using GridGov.Features.Organization;
using GridGov.Features.Organization.Import;
using GridGov.Infrastructure.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Bench;

// A fresh SQLite file in its own temp dir, deleted on dispose.
sealed class BenchDb : IAsyncDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("gridgov-bench-").FullName;
    public string File => Path.Combine(Dir, "bench.db");
    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = File, Pooling = true }.ToString();

    public static string DataDir => Path.Combine(AppContext.BaseDirectory, "data");
    public const long Nanjing = 3201;

    public static ImportCityRequest NanjingRequest => new(Nanjing,
        Path.Combine(DataDir, "divisions", "nanjing-3201"),
        Path.Combine(DataDir, "boundaries", "nanjing-3201-districts.geojson"));

    // The application's own database setup (pragmas interceptor included), schema migrated.
    public async Task<GridDatabase> MigratedAsync()
    {
        var database = new GridDatabase(DatabaseProvider.Sqlite, ConnectionString);
        await using var db = database.CreateUnscoped(AuditActor.System);
        await db.Database.MigrateAsync();
        return database;
    }

    public static async Task<ImportReport> ImportAsync(GridDatabase database)
    {
        var report = await new ImportCity(database, new Places(database)).RunAsync(NanjingRequest, AuditActor.System);
        if (!report.Succeeded) throw new InvalidOperationException("Import failed: " + string.Join("; ", report.Lines()));
        return report;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Dir, recursive: true);
        return ValueTask.CompletedTask;
    }
}
