using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace GridGov.Infrastructure.Database;

// Rows into SQLite at its C API (as Microsoft.Data.Sqlite itself calls it): one prepared single-row
// INSERT, values bound by position, stepped and reset per row. ADO.NET parameters are found by name one
// by one, which for a 35-column table costs more than the insert itself. Values are bound the way
// Microsoft.Data.Sqlite binds them (bool as 0/1, times as "yyyy-MM-dd HH:mm:ss.FFFFFFF" text, dates
// as "yyyy-MM-dd"), so they read back exactly as rows written through EF.
sealed class SqliteBulkRows<T> : IDisposable where T : class
{
    static readonly HashSet<Type> Bindable =
    [
        typeof(string), typeof(long), typeof(int), typeof(short), typeof(byte), typeof(bool), typeof(double), typeof(float),
        typeof(DateTime), typeof(DateOnly), typeof(byte[]),
    ];

    readonly BulkColumns<T> columns;
    readonly sqlite3 db;
    readonly sqlite3_stmt stmt;

    // Whether every column's stored value is one this writer binds as Microsoft.Data.Sqlite would.
    public static bool Supports(BulkColumns<T> columns) => columns.StoredTypes.All(Bindable.Contains);

    public SqliteBulkRows(SqliteConnection connection, BulkColumns<T> columns, string quotedTable, IEnumerable<string> quotedColumns)
    {
        this.columns = columns;
        db = connection.Handle ?? throw new InvalidOperationException("The connection is not open");
        var sql = $"INSERT INTO {quotedTable} ({string.Join(", ", quotedColumns)}) VALUES ({string.Join(", ", columns.Names.Select((_, i) => "?" + (i + 1)))})";
        Check(raw.sqlite3_prepare_v2(db, sql, out stmt));
    }

    public void Write(T row)
    {
        for (var c = 0; c < columns.Names.Length; c++)
        {
            var n = c + 1;
            Check(columns.Value(row, c) switch
            {
                null => raw.sqlite3_bind_null(stmt, n),
                string s => raw.sqlite3_bind_text(stmt, n, s),
                long l => raw.sqlite3_bind_int64(stmt, n, l),
                int v => raw.sqlite3_bind_int64(stmt, n, v),
                short v => raw.sqlite3_bind_int64(stmt, n, v),
                byte v => raw.sqlite3_bind_int64(stmt, n, v),
                bool b => raw.sqlite3_bind_int64(stmt, n, b ? 1 : 0),
                double d => raw.sqlite3_bind_double(stmt, n, d),
                float f => raw.sqlite3_bind_double(stmt, n, f),
                DateTime t => raw.sqlite3_bind_text(stmt, n, t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
                DateOnly d => raw.sqlite3_bind_text(stmt, n, d.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
                byte[] b => raw.sqlite3_bind_blob(stmt, n, b),
                var other => throw new NotSupportedException($"{other.GetType().Name} values are not bound here"),
            });
        }
        var rc = raw.sqlite3_step(stmt);
        if (rc != raw.SQLITE_DONE) Check(rc);
        Check(raw.sqlite3_reset(stmt));
    }

    void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
    }

    public void Dispose() => stmt.Dispose();
}
