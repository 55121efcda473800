using System.Runtime.CompilerServices;
using System.Text;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace GridGov.Features.Analytics.Rollups;

// Adds deltas to tally rows with INSERT … ON CONFLICT DO UPDATE: the same statement on SQLite and
// PostgreSQL, atomic per row, so two saves adding to one row at once both count. Rows are written
// in key order, so two transactions never wait for each other's rows in opposite orders. Table,
// columns and stored values come from the EF model (BulkColumns): the key columns are the conflict
// target, every other column is a sum.
static class TallyUpserts
{
    const int RowsPerStatement = 100;

    public static async Task WriteAsync(GridDbContext db, TallyDeltas d, CancellationToken ct)
    {
        await UpsertAsync(db, d.TicketRows(inKeyOrder: true), ct);
        await UpsertAsync(db, d.FlowRows(inKeyOrder: true), ct);
        await UpsertAsync(db, d.CategoryRows(inKeyOrder: true), ct);
        await UpsertAsync(db, d.RegistryRows(inKeyOrder: true), ct);
        await UpsertAsync(db, d.DeadlineRows(inKeyOrder: true), ct);
    }

    static async Task UpsertAsync<T>(GridDbContext db, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var upsert = Upsert<T>.For(db);
        var width = upsert.Columns.Names.Length;
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder(upsert.Insert);
            var args = new List<object>(chunk.Length * width);
            for (var r = 0; r < chunk.Length; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < width; c++)
                {
                    sql.Append(c == 0 ? "" : ", ").Append('{').Append(args.Count).Append('}');
                    args.Add(upsert.Columns.Value(chunk[r], c)!);
                }
                sql.Append(')');
            }
            await db.Database.ExecuteSqlRawAsync(sql.Append(upsert.OnConflict).ToString(), args, ct);
        }
    }

    // The statement's fixed parts for one tally, once per model (SQLite's and PostgreSQL's differ).
    sealed class Upsert<T> where T : class
    {
        static readonly ConditionalWeakTable<IModel, Upsert<T>> made = [];

        public BulkColumns<T> Columns { get; }
        public string Insert { get; }
        public string OnConflict { get; }

        Upsert(GridDbContext db)
        {
            var sql = db.GetService<ISqlGenerationHelper>();
            Columns = new BulkColumns<T>(db.Model);
            var table = sql.DelimitIdentifier(Columns.Table, Columns.Schema);
            var keys = db.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties;
            var quoted = Columns.Names.Select(n => sql.DelimitIdentifier(n)).ToArray();
            var isKey = Columns.Properties.Select(p => keys.Contains(p)).ToArray();
            Insert = $"INSERT INTO {table} ({string.Join(", ", quoted)}) VALUES ";
            OnConflict = $" ON CONFLICT ({string.Join(", ", quoted.Where((_, i) => isKey[i]))}) DO UPDATE SET "
                + string.Join(", ", quoted.Where((_, i) => !isKey[i]).Select(q => $"{q} = {table}.{q} + excluded.{q}"));
        }

        public static Upsert<T> For(GridDbContext db) => made.GetValue(db.Model, _ => new Upsert<T>(db));
    }
}
