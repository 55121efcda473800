using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace GridGov.Infrastructure.Database;

// Rows written from the EF model (table, columns, value conversions, the provider's quoting) without
// the change tracker: seeding or importing tens of thousands of rows through SaveChanges costs several
// seconds of CPU, this a small fraction. Many rows go the provider's fastest way (SQLite's C API,
// PostgreSQL's binary COPY), with plain parameterised INSERTs where a column's type is not one those
// paths write. The rows bypass the per-row audit, so the caller must be in a transaction and record
// the batch as one AuditSummary in it.
public sealed class BulkWriter<T> : IAsyncDisposable where T : class
{
    // SQLite finds each parameter of a statement by name, one by one: the binding cost grows with the
    // square of the parameters per statement, so statements stay small.
    const int MaxParameters = 64;

    readonly GridDbContext db;
    readonly BulkColumns<T> columns;
    readonly string table;
    readonly string[] quoted;
    readonly string insert, returning;
    readonly List<DbCommand> commands = [];
    DbCommand? single, batch;
    SqliteBulkRows<T>? sqliteRows;

    public BulkWriter(GridDbContext db)
    {
        this.db = db;
        var sql = db.GetService<ISqlGenerationHelper>();
        columns = new BulkColumns<T>(db.Model);
        table = sql.DelimitIdentifier(columns.Table, columns.Schema);
        quoted = [.. columns.Names.Select(n => sql.DelimitIdentifier(n))];
        insert = $"INSERT INTO {table} ({string.Join(", ", quoted)}) VALUES ";
        returning = columns.GeneratedKey is null ? "" : " RETURNING " + sql.DelimitIdentifier(columns.GeneratedKey.GetColumnName(StoreObjectIdentifier.Table(columns.Table, columns.Schema))!);
    }

    // One row; its generated key is set on it.
    public async Task InsertAsync(T row, CancellationToken ct = default)
    {
        var key = columns.GeneratedKey;
        single ??= Command(1, key is not null);
        Fill(single, 0, row);
        if (key is null) await single.ExecuteNonQueryAsync(ct);
        else
        {
            var value = await single.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException("No key returned");
            key.PropertyInfo!.SetValue(row, Convert.ChangeType(value, key.ClrType, System.Globalization.CultureInfo.InvariantCulture));
        }
        await db.WatchInsertedAsync([row], ct);
    }

    // Many rows, in order (generated keys, not read back, follow that order).
    public async Task InsertManyAsync(IReadOnlyList<T> rows, CancellationToken ct = default)
    {
        await WriteManyAsync(rows, ct);
        await db.WatchInsertedAsync(rows, ct);
    }

    async Task WriteManyAsync(IReadOnlyList<T> rows, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("BulkWriter writes only inside a transaction, audited as a whole");
        if (connection is SqliteConnection sqlite && SqliteBulkRows<T>.Supports(columns))
        {
            sqliteRows ??= new SqliteBulkRows<T>(sqlite, columns, table, quoted);
            foreach (var row in rows) sqliteRows.Write(row);
            return;
        }
        if (connection is NpgsqlConnection pg && PostgresBulkRows<T>.Supports(columns))
        {
            await using var copy = await PostgresBulkRows<T>.BeginAsync(pg, columns, table, quoted, ct);
            foreach (var row in rows) await copy.WriteAsync(row, ct);
            await copy.CompleteAsync(ct);
            return;
        }
        var per = Math.Max(1, MaxParameters / columns.Names.Length);
        for (var start = 0; start < rows.Count; start += per)
        {
            var n = Math.Min(per, rows.Count - start);
            var command = n == per ? batch ??= Command(per, false) : Command(n, false);
            for (var i = 0; i < n; i++) Fill(command, i, rows[start + i]);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    DbCommand Command(int rows, bool withKey)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("BulkWriter writes only inside a transaction, audited as a whole");
        var sql = db.GetService<ISqlGenerationHelper>();
        var text = new StringBuilder(insert);
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < quoted.Length; c++)
            {
                var name = sql.GenerateParameterName($"p{r}_{c}");
                text.Append(c == 0 ? "" : ", ").Append(name);
                command.Parameters.Add(columns.Mappings[c].CreateParameter(command, name, null, columns.Properties[c].IsNullable));
            }
            text.Append(')');
        }
        command.CommandText = text.Append(withKey ? returning : "").ToString();
        commands.Add(command);
        return command;
    }

    void Fill(DbCommand command, int row, T entity)
    {
        for (var c = 0; c < quoted.Length; c++) command.Parameters[row * quoted.Length + c].Value = columns.Value(entity, c) ?? DBNull.Value;
    }

    public async ValueTask DisposeAsync()
    {
        sqliteRows?.Dispose();
        foreach (var c in commands) await c.DisposeAsync();
    }
}
