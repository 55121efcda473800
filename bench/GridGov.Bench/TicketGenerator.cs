using System.Diagnostics;
using GridGov.Features.Audit;
using GridGov.Features.Organization;
using GridGov.Features.Tickets;
using GridGov.Features.Tickets.Categories;
using GridGov.Features.Tickets.Deadlines;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace GridGov.Bench;

// A year of tickets for the whole imported city, written raw (SQLite: one transaction, prepared INSERTs
// with reused parameters; PostgreSQL: binary COPY), with the secondary indexes dropped during the load
// and built again after it. Columns come from the app's EF model (EfTable), so the generator follows
// the migrations. What the rows look like:
// - ReportedAt spread over the last 365 days, more by day than by night (China time), ids in that order;
// - the state by age: the last hours mostly reported/accepted, the last days dispatched and handled,
//   older ones ~95 % closed (the rest rejected, duplicates, shelved and a few long-running dispatches);
// - a real grid of the city, the point its label point ± ~100 m (hotline reports sometimes without a
//   point), the centre its street (2 % escalated to the district);
// - a minor category of the seeded dictionary that has demo phrases, the description one of those
//   phrases with {place} filled in from the grid's community, the category's limits and DueAt / HandleDueAt
//   from the app's own working calendar (TicketClock), the lead department of the ticket's street or
//   district for dispatched ones;
// - history: the Report row; for a ticket of the last 30 days past Reported also the row of its last
//   action; an assignment row for tickets being handled now.
sealed partial class TicketGenerator
{
    public sealed record Report(long Tickets, long Events, long Assignments, TimeSpan Load, TimeSpan Indexes)
    {
        public long Rows => Tickets + Events + Assignments;
        public TimeSpan Total => Load + Indexes;
        public double RowsPerSecond => Rows / Total.TotalSeconds;
        public double LoadRowsPerSecond => Rows / Load.TotalSeconds;
        public override string ToString() =>
            $"{Tickets:N0} tickets + {Events:N0} events + {Assignments:N0} assignments in {Total.TotalSeconds:F1} s "
            + $"(load {Load.TotalSeconds:F1} s at {LoadRowsPerSecond:N0} rows/s, indexes {Indexes.TotalSeconds:F1} s): {RowsPerSecond:N0} rows/s";
    }

    sealed record Grid(long Code, double Lon, double Lat, string Community);
    sealed record Category(int Id, string Code, string Accept, string Dispatch, string Handle, string Verify, bool Urgent, string? DepartmentKind, string[] Phrases);

    static readonly string[] PlaceSuffixes =
    [
        "1栋", "3栋", "5栋", "12栋", "北门", "南门", "东侧路口", "西侧路口", "菜市场门口", "公交站台", "幼儿园旁", "小区广场",
        "地下车库入口", "沿街商铺", "垃圾收集点", "健身路径", "停车场", "2单元", "7号楼", "社区服务中心门前",
    ];
    static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "朱", "马", "胡"];
    static readonly string[] Results = ["已现场处置完毕", "已清理完毕，恢复原状", "已责令整改，复查合格", "已联系责任单位处理完毕", "已修复，经核查正常"];

    readonly Grid[] grids;
    readonly Category[] categories;
    readonly Dictionary<(long Unit, string Kind), long> departments;
    readonly Dictionary<long, long> anyDepartment;
    readonly TicketClock clock;
    readonly Random random;
    readonly DateTime now;
    long nextTicket, nextEvent, nextAssignment;
    DateTime lastDispatchedAt;

    TicketGenerator(Grid[] grids, Category[] categories, List<Department> departments, TicketClock clock, int seed, DateTime now, (long, long, long) lastIds)
    {
        this.grids = grids;
        this.categories = categories;
        this.departments = departments.GroupBy(d => (d.OrgUnitCode, d.Kind)).ToDictionary(g => g.Key, g => g.Min(d => d.Id));
        anyDepartment = departments.GroupBy(d => d.OrgUnitCode).ToDictionary(g => g.Key, g => g.Min(d => d.Id));
        this.clock = clock;
        random = new Random(seed);
        this.now = now;
        (nextTicket, nextEvent, nextAssignment) = lastIds;
    }

    // Adds `count` tickets reported over the year up to now to the city in `database`.
    public static async Task<Report> RunAsync(GridDatabase database, int count, int seed = 20261125)
    {
        var generator = await LoadAsync(database, seed);
        await using var db = database.CreateUnscoped(AuditActor.System);
        var tickets = new EfTable<Ticket>(db.Model);
        var events = new EfTable<TicketEvent>(db.Model);
        var assignments = new EfTable<TicketAssignment>(db.Model);
        string[] tables = [tickets.Name, events.Name, assignments.Name];
        return database.Provider == DatabaseProvider.Sqlite
            ? generator.WriteSqlite(database.ConnectionString, count, tickets, events, assignments, tables)
            : generator.WritePostgres(database.ConnectionString, count, tickets, events, assignments, tables);
    }

    static async Task<TicketGenerator> LoadAsync(GridDatabase database, int seed)
    {
        await using var db = database.CreateUnscoped(AuditActor.System);
        var communities = await db.OrgUnits.AsNoTracking().Where(u => u.Level == OrgLevel.Community).ToDictionaryAsync(u => u.Code, u => u.Name);
        var grids = (await db.OrgUnits.AsNoTracking().Where(u => u.Level == OrgLevel.Grid).OrderBy(u => u.Code)
                .Select(u => new { u.Code, u.LabelLon, u.LabelLat, u.ParentCode }).ToListAsync())
            .Select(g => new Grid(g.Code, g.LabelLon, g.LabelLat, communities.GetValueOrDefault(g.ParentCode ?? 0) ?? "")).ToArray();
        if (grids.Length == 0) throw new InvalidOperationException("No grids: import a city first");
        var phrases = DemoPhrases.Read(SeedTicketData.DataPath("tickets", "demo-phrases.csv"));
        var categories = (await db.TicketCategories.AsNoTracking().Where(c => c.ParentCode != null && c.Enabled).OrderBy(c => c.Code).ToListAsync())
            .Where(c => phrases.Contains(c.Code) && c.AcceptLimit is not null && c.DispatchLimit is not null && c.HandleLimit is not null && c.VerifyLimit is not null)
            .Select(c => new Category(c.Id, c.Code, c.AcceptLimit!, c.DispatchLimit!, c.HandleLimit!, c.VerifyLimit!, c.Urgent, c.DepartmentKind, [.. phrases[c.Code]]))
            .ToArray();
        if (categories.Length == 0) throw new InvalidOperationException("No ticket categories with demo phrases: seed the categories first");
        var departments = await db.Departments.AsNoTracking().ToListAsync();
        var clock = new TicketClock(database, new ConfigurationBuilder().Build(), TimeProvider.System);
        await clock.LoadAsync();
        var last = (await db.Tickets.MaxAsync(t => (long?)t.Id) ?? 0, await db.TicketEvents.MaxAsync(e => (long?)e.Id) ?? 0,
            await db.TicketAssignments.MaxAsync(a => (long?)a.Id) ?? 0);
        return new TicketGenerator(grids, categories, departments, clock, seed, DateTime.UtcNow, last);
    }

    Report WriteSqlite(string connectionString, int count, EfTable<Ticket> tickets, EfTable<TicketEvent> events,
        EfTable<TicketAssignment> assignments, string[] tables)
    {
        SqliteConnection.ClearAllPools(); // journal_mode can change only with no other connection open
        using var conn = new SqliteConnection(connectionString);
        conn.Open();
        Exec(conn, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-1048576; PRAGMA temp_store=MEMORY;");
        // The secondary indexes of these tables as the migrations made them: dropped, and built after the load.
        var indexes = new List<(string Name, string Sql)>();
        using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", tables.Select(t => $"'{t}'"))})";
            using var r = cmd.ExecuteReader();
            while (r.Read()) indexes.Add((r.GetString(0), r.GetString(1)));
        }
        foreach (var (name, _) in indexes) Exec(conn, $"DROP INDEX {EfTable<Ticket>.Quote(name)}");

        var clockLoad = Stopwatch.StartNew();
        long nEvents = 0, nAssignments = 0;
        using (var tx = conn.BeginTransaction())
        {
            using var t = new SqliteFastRows<Ticket>(conn, tickets);
            using var e = new SqliteFastRows<TicketEvent>(conn, events);
            using var a = new SqliteFastRows<TicketAssignment>(conn, assignments);
            foreach (var (table, values) in Rows(count, tickets, events, assignments))
                switch (table)
                {
                    case 0: t.Write(values); break;
                    case 1: e.Write(values); nEvents++; break;
                    default: a.Write(values); nAssignments++; break;
                }
            tx.Commit();
        }
        var load = clockLoad.Elapsed;
        var clockIndexes = Stopwatch.StartNew();
        foreach (var (_, sql) in indexes) Exec(conn, sql);
        var indexTime = clockIndexes.Elapsed;
        Exec(conn, "PRAGMA journal_mode=WAL;");
        return new Report(count, nEvents, nAssignments, load, indexTime);
    }

    Report WritePostgres(string connectionString, int count, EfTable<Ticket> tickets, EfTable<TicketEvent> events,
        EfTable<TicketAssignment> assignments, string[] tables)
    {
        using var conn = new NpgsqlConnection(connectionString);
        conn.Open();
        var indexes = new List<(string Name, string Sql)>();
        using (var cmd = new NpgsqlCommand("""
            SELECT indexname, indexdef FROM pg_indexes
            WHERE schemaname = current_schema() AND tablename = ANY(@tables)
              AND indexname NOT IN (SELECT conname FROM pg_constraint)
            """, conn))
        {
            cmd.Parameters.AddWithValue("tables", tables);
            using var r = cmd.ExecuteReader();
            while (r.Read()) indexes.Add((r.GetString(0), r.GetString(1)));
        }
        foreach (var (name, _) in indexes) Exec(conn, $"DROP INDEX {EfTable<Ticket>.Quote(name)}");

        var clockLoad = Stopwatch.StartNew();
        long nEvents = 0, nAssignments = 0;
        // One COPY per table, each on its own connection; foreign keys are not checked row by row
        // (session_replication_role = replica; the rows are consistent by construction).
        using var ce = new NpgsqlConnection(connectionString);
        using var ca = new NpgsqlConnection(connectionString);
        ce.Open();
        ca.Open();
        foreach (var c in new[] { conn, ce, ca }) Exec(c, "SET session_replication_role = replica");
        using (var t = new PgRows<Ticket>(conn, tickets))
        using (var e = new PgRows<TicketEvent>(ce, events))
        using (var a = new PgRows<TicketAssignment>(ca, assignments))
        {
            foreach (var (table, values) in Rows(count, tickets, events, assignments))
                switch (table)
                {
                    case 0: t.Write(values); break;
                    case 1: e.Write(values); nEvents++; break;
                    default: a.Write(values); nAssignments++; break;
                }
            t.Complete();
            e.Complete();
            a.Complete();
        }
        var load = clockLoad.Elapsed;

        var clockIndexes = Stopwatch.StartNew();
        Exec(conn, "SET maintenance_work_mem = '512MB'");
        foreach (var (_, sql) in indexes) Exec(conn, sql);
        foreach (var table in tables)
        {
            var q = EfTable<Ticket>.Quote(table);
            Exec(conn, $"SELECT setval(pg_get_serial_sequence('{q}', 'Id'), GREATEST((SELECT max(\"Id\") FROM {q}), 1))");
            // What autovacuum would have done to a table that grew over a year: statistics and the
            // visibility map (index-only scans).
            Exec(conn, $"VACUUM (ANALYZE) {q}");
        }
        return new Report(count, nEvents, nAssignments, load, clockIndexes.Elapsed);
    }

    // The rows, made on another thread (generation and value conversion) while this one writes them:
    // (0 = ticket, 1 = event, 2 = assignment, provider values in column order).
    IEnumerable<(int Table, object?[] Values)> Rows(int count, EfTable<Ticket> tickets, EfTable<TicketEvent> events, EfTable<TicketAssignment> assignments)
    {
        const int BatchSize = 2048;
        using var queue = new System.Collections.Concurrent.BlockingCollection<List<(int, object?[])>>(boundedCapacity: 16);
        var producer = Task.Run(() =>
        {
            try
            {
                var batch = new List<(int, object?[])>(BatchSize * 3);
                void Add(int table, object?[] values)
                {
                    batch.Add((table, values));
                    if (batch.Count < BatchSize) return;
                    queue.Add(batch);
                    batch = new List<(int, object?[])>(BatchSize * 3);
                }
                Generate(count, t => Add(0, tickets.Values(t)), e => Add(1, events.Values(e)), a => Add(2, assignments.Values(a)));
                queue.Add(batch);
            }
            finally { queue.CompleteAdding(); }
        });
        foreach (var batch in queue.GetConsumingEnumerable())
            foreach (var row in batch) yield return row;
        producer.GetAwaiter().GetResult(); // a failure in generation surfaces here
    }

    static void Exec(System.Data.Common.DbConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        cmd.ExecuteNonQuery();
    }
}
