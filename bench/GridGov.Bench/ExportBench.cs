using System.Diagnostics;
using GridGov.Features.Organization;
using GridGov.Features.Tickets;
using GridGov.Features.Tickets.Categories;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Export;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Bench;

// "导出 Excel" of 100,000 tickets: the real writer (XlsxExport.Write, MiniExcel row by row) over the
// query a city-wide account's export runs (ListTickets.Ordered for the All queue with that many rows:
// every ticket, newest id first, streamed by EF), with ExportTickets' columns and in-memory names;
// beside the machine's limit, a raw Microsoft.Data.Sqlite reader over the same rows and columns.
// Memory: the working set is sampled every 20 ms during the export; the bound is on its growth.
static class ExportBench
{
    public const int Tickets = 100_000;

    sealed record Row(long Id, int CategoryId, string Description, string? Address, long GridCode, TicketState State, TicketSource Source,
        bool Urgent, Supervision Supervision, DateTime ReportedAt, DateTime? DueAt, long? LeadDepartmentId);

    public static async Task RunAsync(Results results)
    {
        Console.Error.WriteLine($"export: {Tickets:N0} tickets into SQLite, then XLSX export vs raw read, {results.Runs} runs after 1 warm-up");
        await using var city = await BenchCity.CreateAsync(DatabaseProvider.Sqlite);
        var report = await TicketGenerator.RunAsync(city.Database, Tickets);
        Console.Error.WriteLine($"  {report}");
        results.Facts["export.seeded"] = report.ToString();

        Dictionary<int, string> categories;
        Dictionary<long, string> grids, departments;
        await using (var db = city.Database.CreateUnscoped(AuditActor.System))
        {
            categories = await db.Set<TicketCategory>().ToDictionaryAsync(c => c.Id, c => c.Name);
            grids = await db.OrgUnits.Where(u => u.Code > 99_999_999_999_999).ToDictionaryAsync(u => u.Code, u => u.Name);
            departments = await db.Departments.ToDictionaryAsync(d => d.Id, d => d.Name);
        }
        var now = DateTime.UtcNow;
        XlsxColumn<Row>[] columns =
        [
            new("编号", r => Ticket.NumberOf(r.Id, r.ReportedAt), 18),
            new("类别", r => categories.GetValueOrDefault(r.CategoryId), 24),
            new("描述", r => r.Description, 48),
            new("地址", r => r.Address, 28),
            new("网格", r => grids.GetValueOrDefault(r.GridCode), 22),
            new("状态", r => TicketFlow.StateName(r.State), 10),
            new("来源", r => TicketNames.Source(r.Source), 12),
            new("紧急", r => r.Urgent ? "是" : "否", 6),
            new("督办", r => r.Supervision == Supervision.None ? "" : TicketNames.Supervision(r.Supervision), 10),
            new("上报时间", r => ChinaTime.Format(r.ReportedAt), 20),
            new("时限", r => r.DueAt is { } due && Ticket.Open.Contains(r.State) ? ChinaTime.Format(due) : "", 20),
            new("是否超期", r => r.DueAt < now && Ticket.Open.Contains(r.State) ? "是" : "否", 8),
            new("主办部门", r => r.LeadDepartmentId is { } d ? departments.GetValueOrDefault(d) : null, 20),
        ];

        var file = Path.Combine(city.DataDir, "export.xlsx");
        long rows = 0, bytes = 0, allocated = 0, baseline = 0, peak = 0;
        TimeSpan Export()
        {
            using var db = city.Database.CreateUnscoped(AuditActor.System);
            var query = db.Tickets.AsNoTracking().OrderByDescending(t => t.Id).Select(t => new Row(t.Id, t.CategoryId, t.Description, t.Address,
                t.GridCode, t.State, t.Source, t.Urgent, t.Supervision, t.ReportedAt, t.DueAt, t.LeadDepartmentId));
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            baseline = process.WorkingSet64;
            var sampled = baseline;
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                using var p = Process.GetCurrentProcess();
                while (!stop.IsCancellationRequested)
                {
                    p.Refresh();
                    sampled = Math.Max(sampled, p.WorkingSet64);
                    try { await Task.Delay(20, stop.Token); } catch (OperationCanceledException) { }
                }
            });
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            using (var stream = new FileStream(file, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024))
                rows = XlsxExport.Write(stream, query.AsEnumerable(), columns);
            var elapsed = clock.Elapsed;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            stop.Cancel();
            sampler.Wait();
            peak = sampled;
            bytes = new FileInfo(file).Length;
            return elapsed;
        }

        long rawRows = 0;
        TimeSpan RawRead()
        {
            var clock = Stopwatch.StartNew();
            using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(city.DataDir, "gridgov.db") }.ToString());
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT Id, CategoryId, Description, Address, GridCode, State, Source, Urgent, Supervision, ReportedAt, DueAt, LeadDepartmentId FROM Tickets ORDER BY Id DESC";
            using var r = cmd.ExecuteReader();
            long n = 0, sink = 0;
            while (r.Read())
            {
                n++;
                // Every column as a .NET value, as a reader of the rows must at least do.
                for (var i = 0; i < r.FieldCount; i++) sink += r.IsDBNull(i) ? 0 : r.GetValue(i) is string text ? text.Length : 1;
            }
            rawRows = n + (sink == long.MinValue ? 1 : 0);
            return clock.Elapsed;
        }

        var samples = results.Measure(Export, RawRead);
        results.Add("export.xlsx", "s", samples[0], "limit.sqlite-read");
        results.Add("export.rows", "rows/s", [.. samples[0].Select(s => rows / s)], "limit.sqlite-read-rows");
        results.Add("limit.sqlite-read", "s", samples[1]);
        results.Add("limit.sqlite-read-rows", "rows/s", [.. samples[1].Select(s => rawRows / s)]);
        results.Facts["export.rows-written"] = rows;
        results.Facts["export.file-mb"] = Math.Round(bytes / 1e6, 1);
        results.Facts["export.allocated-mb"] = Math.Round(allocated / 1e6);
        results.Facts["export.working-set-before-mb"] = Math.Round(baseline / 1e6);
        results.Facts["export.working-set-peak-mb"] = Math.Round(peak / 1e6);
        results.Facts["export.working-set-growth-mb"] = Math.Round((peak - baseline) / 1e6);
        results.Facts["export.growth-bound-mb"] = GrowthBoundMb;
        results.Facts["export.within-bound"] = (peak - baseline) / 1e6 < GrowthBoundMb;
    }

    // The stated bound (bench/README.md): exporting streams, so the working set may grow by the
    // writer's buffers and one row at a time, not by the rows.
    public const int GrowthBoundMb = 150;
}
