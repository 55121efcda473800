using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace GridGov.Infrastructure.Database;

// Plain parameterised INSERTs built from the EF model (table, columns, value conversions, the
// provider's quoting and parameter types), without the change tracker: seeding tens of thousands of
// rows through SaveChanges costs several seconds of CPU, this a small fraction. The rows bypass the
// per-row audit, so the caller must be in a transaction and record the batch as one AuditSummary in it.
public sealed class BulkWriter<T> : IAsyncDisposable where T : class
{
    // SQLite finds each parameter of a statement by name, one by one: the binding cost grows with the
    // square of the parameters per statement, so statements stay small.
    const int MaxParameters = 64;

    readonly GridDbContext db;
    readonly ISqlGenerationHelper sql;
    readonly IProperty[] columns;
    readonly RelationalTypeMapping[] mappings;
    readonly IClrPropertyGetter[] getters;
    readonly IProperty? generatedKey;
    readonly string insert, returning;
    readonly List<DbCommand> commands = [];
    DbCommand? single, batch;

    public BulkWriter(GridDbContext db)
    {
        this.db = db;
        sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties;
        generatedKey = key.Count == 1 && key[0].ValueGenerated == ValueGenerated.OnAdd ? key[0] : null;
        columns = [.. entity.GetProperties().Where(p => p != generatedKey)];
        if (columns.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
            throw new NotSupportedException($"{typeof(T).Name}.{shadow.Name} is a shadow property");
        mappings = [.. columns.Select(p => p.GetRelationalTypeMapping())];
        getters = [.. columns.Select(p => p.GetGetter())];
        insert = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ";
        returning = generatedKey is null ? "" : " RETURNING " + sql.DelimitIdentifier(generatedKey.GetColumnName(table)!);
    }

    // One row; its generated key is set on it.
    public async Task InsertAsync(T row, CancellationToken ct = default)
    {
        single ??= Command(1, generatedKey is not null);
        Fill(single, 0, row);
        if (generatedKey is null) { await single.ExecuteNonQueryAsync(ct); return; }
        var key = await single.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException("No key returned");
        generatedKey.PropertyInfo!.SetValue(row, Convert.ChangeType(key, generatedKey.ClrType, System.Globalization.CultureInfo.InvariantCulture));
    }

    // Many rows, several per statement, in order (generated keys, not read back, follow that order).
    public async Task InsertManyAsync(IReadOnlyList<T> rows, CancellationToken ct = default)
    {
        var per = Math.Max(1, MaxParameters / columns.Length);
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
        var text = new StringBuilder(insert);
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                var name = sql.GenerateParameterName($"p{r}_{c}");
                text.Append(c == 0 ? "" : ", ").Append(name);
                command.Parameters.Add(mappings[c].CreateParameter(command, name, null, columns[c].IsNullable));
            }
            text.Append(')');
        }
        command.CommandText = text.Append(withKey ? returning : "").ToString();
        commands.Add(command);
        return command;
    }

    void Fill(DbCommand command, int row, T entity)
    {
        for (var c = 0; c < columns.Length; c++)
        {
            var value = getters[c].GetClrValueUsingContainingEntity(entity);
            if (value is not null && mappings[c].Converter is { } converter) value = converter.ConvertToProvider(value);
            command.Parameters[row * columns.Length + c].Value = value ?? DBNull.Value;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in commands) await c.DisposeAsync();
    }
}
