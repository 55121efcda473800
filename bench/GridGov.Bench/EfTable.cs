using System.Linq.Expressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace GridGov.Bench;

// A table as the application's EF Core model maps an entity: table and column names, store types and
// value conversions (enums as strings, UTC times), read from the model so that bulk writers follow
// the migrations instead of a copy of the schema.
sealed class EfTable<T> where T : class
{
    public string Name { get; }
    public EfColumn<T>[] Columns { get; }
    public string Key { get; }

    public EfTable(IModel model, bool withKey = true)
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        Name = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table");
        var table = StoreObjectIdentifier.Table(Name, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties.Single();
        Key = key.GetColumnName(table)!;
        Columns = [.. entity.GetProperties().Where(p => withKey || p != key).Select(p => new EfColumn<T>(p, p.GetColumnName(table)!))];
    }

    // The row as the provider stores it, column by column.
    public object?[] Values(T row)
    {
        var values = new object?[Columns.Length];
        for (var i = 0; i < values.Length; i++) values[i] = Columns[i].Value(row);
        return values;
    }

    public string ColumnList => string.Join(", ", Columns.Select(c => Quote(c.Name)));

    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}

sealed class EfColumn<T> where T : class
{
    readonly Func<T, object?> get;
    readonly ValueConverter? converter;
    // Converted enum values (EF's enum-to-string conversion formats on every call).
    readonly Dictionary<object, object?>? converted;

    public string Name { get; }
    public string StoreType { get; }
    public NpgsqlDbType? PgType { get; }

    public EfColumn(IProperty p, string name)
    {
        Name = name;
        var mapping = p.GetRelationalTypeMapping();
        StoreType = mapping.StoreType;
        converter = mapping.Converter;
        if (p.PropertyInfo is { } info)
        {
            var e = Expression.Parameter(typeof(T));
            get = Expression.Lambda<Func<T, object?>>(Expression.Convert(Expression.Property(e, info), typeof(object)), e).Compile();
        }
        else get = _ => null; // a shadow property: its column takes NULL (or fails loudly if it may not)
        PgType = GridGov.Infrastructure.Database.PgStoreTypes.Of(StoreType);
        if (converter is not null && (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType).IsEnum) converted = [];
    }

    // The value as the provider stores it (an enum's name, a UTC time …); null for NULL.
    public object? Value(T row)
    {
        var v = get(row);
        if (v is null || converter is null) return v;
        if (converted is null) return converter.ConvertToProvider(v);
        if (!converted.TryGetValue(v, out var c)) converted[v] = c = converter.ConvertToProvider(v);
        return c;
    }
}

// Rows of one table into SQLite through ADO.NET (Microsoft.Data.Sqlite), as a plain app would write
// them: one prepared INSERT whose parameters are reused for every row.
sealed class SqliteRows<T> : IDisposable where T : class
{
    readonly EfTable<T> table;
    readonly SqliteCommand cmd;
    readonly SqliteParameter[] values;

    public SqliteRows(SqliteConnection conn, SqliteTransaction? tx, EfTable<T> table, bool returnKey = false)
    {
        this.table = table;
        cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        values = [.. table.Columns.Select((_, i) => cmd.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i }))];
        cmd.CommandText = $"INSERT INTO {EfTable<T>.Quote(table.Name)} ({table.ColumnList}) VALUES ({string.Join(", ", values.Select(v => v.ParameterName))})"
            + (returnKey ? $" RETURNING {EfTable<T>.Quote(table.Key)}" : "");
        cmd.Prepare();
    }

    public SqliteTransaction? Transaction { set => cmd.Transaction = value; }

    void Bind(T row)
    {
        var columns = table.Columns;
        for (var i = 0; i < columns.Length; i++) values[i].Value = columns[i].Value(row) ?? DBNull.Value;
    }

    public long WriteReturningKey(T row)
    {
        Bind(row);
        return (long)cmd.ExecuteScalar()!;
    }

    public void Dispose() => cmd.Dispose();
}

// Rows of one table into SQLite at the C API (SQLitePCL, as Microsoft.Data.Sqlite uses it): one prepared
// statement, values bound by position, stepped and reset for every row; cheaper than binding
// parameters by name through ADO.NET. Values are bound as Microsoft.Data.Sqlite binds them (bool as
// 0/1, DateTime as "yyyy-MM-dd HH:mm:ss.FFFFFFF" text), so they read back as the app's own writes do.
sealed class SqliteFastRows<T> : IDisposable where T : class
{
    readonly SQLitePCL.sqlite3 db;
    readonly SQLitePCL.sqlite3_stmt stmt;

    public SqliteFastRows(SqliteConnection conn, EfTable<T> table)
    {
        db = conn.Handle!;
        var sql = $"INSERT INTO {EfTable<T>.Quote(table.Name)} ({table.ColumnList}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "?" + (i + 1)))})";
        Check(SQLitePCL.raw.sqlite3_prepare_v2(db, sql, out stmt));
    }

    public void Write(object?[] row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            var n = i + 1;
            Check(row[i] switch
            {
                null => SQLitePCL.raw.sqlite3_bind_null(stmt, n),
                string s => SQLitePCL.raw.sqlite3_bind_text(stmt, n, s),
                long l => SQLitePCL.raw.sqlite3_bind_int64(stmt, n, l),
                int v => SQLitePCL.raw.sqlite3_bind_int64(stmt, n, v),
                bool b => SQLitePCL.raw.sqlite3_bind_int64(stmt, n, b ? 1 : 0),
                double d => SQLitePCL.raw.sqlite3_bind_double(stmt, n, d),
                DateTime t => SQLitePCL.raw.sqlite3_bind_text(stmt, n, t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture)),
                var other => throw new NotSupportedException($"{other.GetType().Name} values are not bound here"),
            });
        }
        var rc = SQLitePCL.raw.sqlite3_step(stmt);
        if (rc != SQLitePCL.raw.SQLITE_DONE) Check(rc);
        Check(SQLitePCL.raw.sqlite3_reset(stmt));
    }

    void Check(int rc)
    {
        if (rc != SQLitePCL.raw.SQLITE_OK) throw new SqliteException(SQLitePCL.raw.sqlite3_errmsg(db).utf8_to_string(), rc);
    }

    public void Dispose() => stmt.Dispose();
}

sealed class PgRows<T> : IDisposable where T : class
{
    readonly EfTable<T> table;
    readonly NpgsqlBinaryImporter copy;

    public PgRows(NpgsqlConnection conn, EfTable<T> table)
    {
        this.table = table;
        copy = conn.BeginBinaryImport($"COPY {EfTable<T>.Quote(table.Name)} ({table.ColumnList}) FROM STDIN (FORMAT BINARY)");
    }

    public void Write(object?[] row)
    {
        copy.StartRow();
        var columns = table.Columns;
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i] is { } v)
                copy.Write(v, columns[i].PgType ?? throw new InvalidOperationException($"No Npgsql type for column {columns[i].Name} ({columns[i].StoreType})"));
            else copy.WriteNull();
        }
    }

    public ulong Complete() => copy.Complete();

    public void Dispose() => copy.Dispose();
}
