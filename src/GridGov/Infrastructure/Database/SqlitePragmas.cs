using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GridGov.Infrastructure.Database;

// WAL lets readers go on while one writer commits; busy_timeout makes a second writer wait instead of
// failing at once; synchronous=NORMAL is durable across process crashes in WAL mode.
sealed class SqlitePragmas : DbConnectionInterceptor
{
    const string Sql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Sql;
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Sql;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
