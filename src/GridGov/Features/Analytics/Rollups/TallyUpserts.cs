using System.Text;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Analytics.Rollups;

// Adds deltas to tally rows with INSERT … ON CONFLICT DO UPDATE: the same statement on SQLite and
// PostgreSQL, atomic per row, so two saves adding to one row at once both count. Rows are written
// in key order, so two transactions never wait for each other's rows in opposite orders.
static class TallyUpserts
{
    const int RowsPerStatement = 100;

    public static async Task WriteAsync(GridDbContext db, TallyDeltas d, CancellationToken ct)
    {
        await UpsertAsync(db, "TicketTallies", ["Code", "Day", "Source", "State"], ["Count"],
            d.Tickets.Where(x => x.Value != 0).OrderBy(x => x.Key)
                .Select(x => new object[] { x.Key.Code, x.Key.Day, x.Key.Source.ToString(), x.Key.State.ToString(), x.Value }), ct);
        await UpsertAsync(db, "TicketFlowTallies", ["Code", "Day", "DepartmentId"], ["Created", "Closed", "ClosedOnTime", "ClosedReworked", "CloseMinutes"],
            d.Flows.Where(x => x.Value != default).OrderBy(x => x.Key)
                .Select(x => new object[] { x.Key.Code, x.Key.Day, x.Key.Department, x.Value.Created, x.Value.Closed, x.Value.OnTime, x.Value.Reworked, x.Value.Minutes }), ct);
        await UpsertAsync(db, "CategoryTallies", ["Code", "Day", "CategoryId", "Source"], ["Count", "Repeats"],
            d.Categories.Where(x => x.Value != default).OrderBy(x => x.Key)
                .Select(x => new object[] { x.Key.Code, x.Key.Day, x.Key.Category, x.Key.Source.ToString(), x.Value.Count, x.Value.Repeats }), ct);
        await UpsertAsync(db, "RegistryTallies", ["Code", "Kind", "Key"], ["Count"],
            d.Registry.Where(x => x.Value != 0).OrderBy(x => x.Key)
                .Select(x => new object[] { x.Key.Code, x.Key.Kind, x.Key.Key, x.Value }), ct);
    }

    static async Task UpsertAsync(GridDbContext db, string table, string[] keys, string[] sums, IEnumerable<object[]> rows, CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            var columns = keys.Concat(sums).ToArray();
            var sql = new StringBuilder($"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ");
            var args = new List<object>(chunk.Length * columns.Length);
            for (var r = 0; r < chunk.Length; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Length; c++)
                {
                    sql.Append(c == 0 ? "" : ", ").Append('{').Append(args.Count).Append('}');
                    args.Add(chunk[r][c]);
                }
                sql.Append(')');
            }
            sql.Append($" ON CONFLICT ({string.Join(", ", keys.Select(k => $"\"{k}\""))}) DO UPDATE SET ")
                .AppendJoin(", ", sums.Select(s => $"\"{s}\" = \"{table}\".\"{s}\" + excluded.\"{s}\""));
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
        }
    }
}
