using System.Diagnostics;
using GridGov.Features.Tickets;
using GridGov.Infrastructure.Database;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GridGov.Bench;

// The machine's limit for intake's write: one ticket row per transaction (as one request commits one
// report), into the very table the app uses (same indexes, same existing rows), with plain ADO.NET.
// The rows are deleted afterwards so that they do not pile up under the app's next measurement.
static class RawInsert
{
    // Microsoft.Data.Sqlite on one connection with the app's own pragmas (its SqlitePragmas interceptor):
    // SQLite has one writer at a time, so more connections would only queue on its lock.
    public static LoadResult Sqlite(string connectionString, EfTable<Ticket> table, Func<long, Ticket> row, double seconds)
    {
        using var conn = new SqliteConnection(connectionString);
        conn.Open();
        new SqlitePragmas().ConnectionOpened(conn, null!);
        var before = MaxId(conn, table);
        using var insert = new SqliteRows<Ticket>(conn, null, table, returnKey: true);
        var latencies = new List<double>(1 << 16);
        var end = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        long n = 0;
        while (Stopwatch.GetTimestamp() < end)
        {
            var start = Stopwatch.GetTimestamp();
            using (var tx = conn.BeginTransaction())
            {
                insert.Transaction = tx;
                insert.WriteReturningKey(row(n++));
                tx.Commit();
            }
            latencies.Add((Stopwatch.GetTimestamp() - start) * 1000.0 / Stopwatch.Frequency);
        }
        using (var delete = conn.CreateCommand())
        {
            delete.CommandText = $"DELETE FROM {EfTable<Ticket>.Quote(table.Name)} WHERE {EfTable<Ticket>.Quote(table.Key)} > {before}";
            delete.ExecuteNonQuery();
        }
        return LoadResult.From(latencies, seconds, 0, null);
    }

    // Npgsql with `concurrency` connections at once (PostgreSQL commits in parallel), each a prepared
    // INSERT … RETURNING in its own transaction.
    public static async Task<LoadResult> PostgresAsync(string connectionString, EfTable<Ticket> table, Func<long, Ticket> row, int concurrency, double seconds)
    {
        long before;
        await using (var c = new NpgsqlConnection(connectionString))
        {
            await c.OpenAsync();
            before = MaxId(c, table);
        }
        var end = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        long n = 0;
        var perWorker = new List<double>[concurrency];
        var sql = $"INSERT INTO {EfTable<Ticket>.Quote(table.Name)} ({table.ColumnList}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$" + (i + 1)))}) "
            + $"RETURNING {EfTable<Ticket>.Quote(table.Key)}";
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var latencies = perWorker[w] = new List<double>(1 << 14);
            await using var conn = new NpgsqlConnection(connectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(sql, conn);
            foreach (var c in table.Columns) cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = c.PgType!.Value });
            await cmd.PrepareAsync();
            while (Stopwatch.GetTimestamp() < end)
            {
                var start = Stopwatch.GetTimestamp();
                var values = table.Values(row(Interlocked.Increment(ref n)));
                for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
                await using (var tx = await conn.BeginTransactionAsync())
                {
                    cmd.Transaction = tx;
                    await cmd.ExecuteScalarAsync();
                    await tx.CommitAsync();
                }
                latencies.Add((Stopwatch.GetTimestamp() - start) * 1000.0 / Stopwatch.Frequency);
            }
        })));
        await using (var c = new NpgsqlConnection(connectionString))
        {
            await c.OpenAsync();
            await using var delete = new NpgsqlCommand($"DELETE FROM {EfTable<Ticket>.Quote(table.Name)} WHERE {EfTable<Ticket>.Quote(table.Key)} > {before}", c);
            await delete.ExecuteNonQueryAsync();
        }
        return LoadResult.From([.. perWorker.SelectMany(l => l)], seconds, 0, null);
    }

    static long MaxId(System.Data.Common.DbConnection conn, EfTable<Ticket> table)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT COALESCE(MAX({EfTable<Ticket>.Quote(table.Key)}), 0) FROM {EfTable<Ticket>.Quote(table.Name)}";
        return Convert.ToInt64(cmd.ExecuteScalar());
    }
}
