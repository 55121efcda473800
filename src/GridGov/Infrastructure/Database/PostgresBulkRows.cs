using Npgsql;
using NpgsqlTypes;

namespace GridGov.Infrastructure.Database;

// Rows into PostgreSQL by binary COPY inside the caller's transaction: one round trip for a whole
// chunk instead of one per row (a 35-column row fits no multi-row INSERT under the parameter budget).
sealed class PostgresBulkRows<T> : IAsyncDisposable where T : class
{
    readonly BulkColumns<T> columns;
    readonly NpgsqlDbType[] types;
    readonly NpgsqlBinaryImporter copy;

    public static bool Supports(BulkColumns<T> columns) => columns.Mappings.All(m => PgStoreTypes.Of(m.StoreType) is not null);

    PostgresBulkRows(BulkColumns<T> columns, NpgsqlBinaryImporter copy)
    {
        this.columns = columns;
        this.copy = copy;
        types = [.. columns.Mappings.Select(m => PgStoreTypes.Of(m.StoreType)!.Value)];
    }

    public static async Task<PostgresBulkRows<T>> BeginAsync(NpgsqlConnection connection, BulkColumns<T> columns, string quotedTable,
        IEnumerable<string> quotedColumns, CancellationToken ct) =>
        new(columns, await connection.BeginBinaryImportAsync($"COPY {quotedTable} ({string.Join(", ", quotedColumns)}) FROM STDIN (FORMAT BINARY)", ct));

    public async Task WriteAsync(T row, CancellationToken ct)
    {
        await copy.StartRowAsync(ct);
        for (var c = 0; c < types.Length; c++)
        {
            if (columns.Value(row, c) is { } v) await copy.WriteAsync(v, types[c], ct);
            else await copy.WriteNullAsync(ct);
        }
    }

    public async Task CompleteAsync(CancellationToken ct) => await copy.CompleteAsync(ct);

    public ValueTask DisposeAsync() => copy.DisposeAsync();
}
