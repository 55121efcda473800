using GridGov.Infrastructure.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GridGov.Infrastructure.Database;

public enum DatabaseProvider { Sqlite, Postgres }

// Builds the provider's options once; every context it makes knows who is asking.
public sealed class GridDatabase
{
    readonly DbContextOptions options;
    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    // The audit chain's key and anchor: outside the database by design (ADR 0004).
    public AuditKeys AuditKeys { get; }
    // What every save keeps in step (rollups). Only a benchmark measuring their cost turns them off.
    public IReadOnlyList<IWriteWatcher> Watchers { get; init; } = WriteWatchers.All;

    // Without audit keys (benchmarks) the chain is keyed with a throw-away key held in memory.
    public GridDatabase(DatabaseProvider provider, string connectionString, SlowQueries? slow = null, AuditKeys? auditKeys = null)
    {
        Provider = provider;
        ConnectionString = connectionString;
        AuditKeys = auditKeys ?? AuditKeys.Ephemeral();
        options = provider == DatabaseProvider.Sqlite
            ? new DbContextOptionsBuilder<SqliteGridDbContext>()
                .UseSqlite(connectionString, o => o.CommandTimeout(120))
                .AddInterceptors([new SqlitePragmas(), .. Optional(slow)]).Options
            : new DbContextOptionsBuilder<PostgresGridDbContext>()
                .UseNpgsql(connectionString, o => o.CommandTimeout(120))
                .AddInterceptors(Optional(slow)).Options;
    }

    static IInterceptor[] Optional(SlowQueries? slow) => slow is null ? [] : [slow];

    public GridDbContext Create(DataScope scope, AuditActor actor) => Create(scope, () => actor);

    public GridDbContext Create(DataScope scope, Func<AuditActor> actor)
    {
        GridDbContext db = Provider == DatabaseProvider.Sqlite
            ? new SqliteGridDbContext((DbContextOptions<SqliteGridDbContext>)options)
            : new PostgresGridDbContext((DbContextOptions<PostgresGridDbContext>)options);
        db.Scope = scope;
        db.ActorSource = actor;
        db.AuditKeys = AuditKeys;
        db.Watchers = Watchers;
        return db;
    }

    // The explicit, searchable way to see every row: start-up, command line, background jobs and
    // the Identity stores (sign-in must find any user before it knows who is asking).
    public GridDbContext CreateUnscoped(AuditActor actor) => Create(DataScope.Everything, actor);

    public static GridDatabase FromConfiguration(IConfiguration config, string dataDir, ILoggerFactory logs)
    {
        var slow = new SlowQueries(logs.CreateLogger("GridGov.SlowQueries"), TimeSpan.FromMilliseconds(config.GetValue("GridGov:SlowQueryMs", 500)));
        var keys = AuditKeys.FromConfiguration(config, dataDir);
        var pg = config.GetConnectionString("Postgres");
        // Off only to measure what the rollups cost (bench/); the figures are then wrong until rebuilt.
        IReadOnlyList<IWriteWatcher> watchers = config.GetValue("GridGov:Bench:NoWatchers", false) ? [] : WriteWatchers.All;
        if (!string.IsNullOrWhiteSpace(pg)) return new GridDatabase(DatabaseProvider.Postgres, pg, slow, keys) { Watchers = watchers };
        var file = Path.Combine(dataDir, "gridgov.db");
        var cs = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString();
        return new GridDatabase(DatabaseProvider.Sqlite, cs, slow, keys) { Watchers = watchers };
    }
}

// Per request (or per Blazor circuit): contexts for the current user.
public sealed class GridDbFactory(GridDatabase database, CurrentUser user, Web.ClientSubmission submission)
{
    public GridDbContext Create()
    {
        var db = database.Create(user.Scope, () => AuditActor.From(user));
        db.Submission = submission;
        return db;
    }

    public GridDbContext CreateUnscoped() => database.Create(DataScope.Everything, () => AuditActor.From(user));
}
