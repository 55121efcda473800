using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NpgsqlTypes;

namespace GridGov.Infrastructure.Database;

// An entity's columns as the EF model maps them (names, store types, value conversions), for writers
// that put rows into a table without the change tracker. Values come out as the provider stores them.
public sealed class BulkColumns<T> where T : class
{
    readonly IClrPropertyGetter[] getters;
    readonly ValueConverter?[] converters;
    // Converted enum values: EF's enum-to-string conversion formats on every call.
    readonly Dictionary<object, object?>?[] converted;

    public IProperty[] Properties { get; }
    public RelationalTypeMapping[] Mappings { get; }
    public string[] Names { get; }
    public string Table { get; }
    public string? Schema { get; }
    public IProperty? GeneratedKey { get; }
    // The CLR type of each column's stored value (after conversion).
    public Type[] StoredTypes { get; }

    public BulkColumns(IModel model)
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        Table = entity.GetTableName()!;
        Schema = entity.GetSchema();
        var table = StoreObjectIdentifier.Table(Table, Schema);
        var key = entity.FindPrimaryKey()!.Properties;
        GeneratedKey = key.Count == 1 && key[0].ValueGenerated == ValueGenerated.OnAdd ? key[0] : null;
        Properties = [.. entity.GetProperties().Where(p => p != GeneratedKey)];
        if (Properties.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
            throw new NotSupportedException($"{typeof(T).Name}.{shadow.Name} is a shadow property");
        Mappings = [.. Properties.Select(p => p.GetRelationalTypeMapping())];
        Names = [.. Properties.Select(p => p.GetColumnName(table)!)];
        getters = [.. Properties.Select(p => p.GetGetter())];
        converters = [.. Mappings.Select(m => m.Converter)];
        converted = [.. Properties.Select((p, i) => converters[i] is not null && (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType).IsEnum ? new Dictionary<object, object?>() : null)];
        StoredTypes = [.. Mappings.Select(m => Nullable.GetUnderlyingType(m.Converter?.ProviderClrType ?? m.ClrType) ?? m.Converter?.ProviderClrType ?? m.ClrType)];
    }

    // Column c of the row as stored; null for NULL.
    public object? Value(T row, int c)
    {
        var v = getters[c].GetClrValueUsingContainingEntity(row);
        if (v is null || converters[c] is not { } converter) return v;
        if (converted[c] is not { } cache) return converter.ConvertToProvider(v);
        if (!cache.TryGetValue(v, out var stored)) cache[v] = stored = converter.ConvertToProvider(v);
        return stored;
    }
}

// The PostgreSQL type a binary COPY writes for an EF store type ("character varying(50)" …); null when
// not one of these (a writer then falls back to INSERTs).
public static class PgStoreTypes
{
    public static NpgsqlDbType? Of(string storeType)
    {
        var t = storeType.ToLowerInvariant();
        var paren = t.IndexOf('(');
        if (paren >= 0) t = t[..paren].Trim();
        return t switch
        {
            "bigint" => NpgsqlDbType.Bigint,
            "integer" => NpgsqlDbType.Integer,
            "smallint" => NpgsqlDbType.Smallint,
            "boolean" => NpgsqlDbType.Boolean,
            "double precision" => NpgsqlDbType.Double,
            "real" => NpgsqlDbType.Real,
            "numeric" => NpgsqlDbType.Numeric,
            "text" => NpgsqlDbType.Text,
            "character varying" => NpgsqlDbType.Varchar,
            "timestamp with time zone" => NpgsqlDbType.TimestampTz,
            "timestamp without time zone" => NpgsqlDbType.Timestamp,
            "date" => NpgsqlDbType.Date,
            "uuid" => NpgsqlDbType.Uuid,
            "bytea" => NpgsqlDbType.Bytea,
            "jsonb" => NpgsqlDbType.Jsonb,
            _ => null,
        };
    }
}
