using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GridGov.Infrastructure.Database;

// WAL lets readers go on while one writer commits; busy_timeout makes a second writer wait instead of
// failing at once; synchronous=NORMAL is durable across process crashes in WAL mode. They hold for
// the life of the native connection, which the pool keeps open across many opens: set once for each.
// wal_autocheckpoint at 16,384 pages (64 MB, default 1,000): an import chunk dirties thousands of
// scattered index pages, and a checkpoint after every chunk wrote and synced them each time; fewer
// checkpoints write a page touched by many chunks once (the people import: 40 % of its time was commits).
sealed class SqlitePragmas : DbConnectionInterceptor
{
    const string Sql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint=16384;";
    static readonly ConditionalWeakTable<object, object> Prepared = new();

    static bool Done(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } native } && Prepared.TryGetValue(native, out _);

    static void Mark(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } native }) Prepared.AddOrUpdate(native, Prepared);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (Done(connection)) return;
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Sql;
        cmd.ExecuteNonQuery();
        Mark(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Done(connection)) return;
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Sql;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
        Mark(connection);
    }
}
