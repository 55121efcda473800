using System.Diagnostics;
using System.Net.Http.Headers;
using GridGov.Infrastructure.Database;
using Microsoft.Data.Sqlite;

namespace GridGov.Bench;

// "导出 Excel" of 100,000 tickets through the real app (GridGov.dll in its own process, SQLite), beside
// the machine's limit: a bare Microsoft.Data.Sqlite reader over the same rows and columns. Memory is
// read from the server's /proc: its resident set before the request, and its peak during it (the
// kernel's high-water mark, reset just before the request), so "growth" is what one export costs.
static class ExportBench
{
    const string Columns = "Id, CategoryId, Description, Address, GridCode, State, Source, Urgent, Supervision, ReportedAt, DueAt, LeadDepartmentId";

    public static async Task RunAsync(Results results, int tickets)
    {
        Console.Error.WriteLine($"export: {tickets:N0} tickets on SQLite, the list 全部 of the whole city as admin, {results.Runs} runs after 1 warm-up");
        await using var city = await BenchCity.CreateAsync(DatabaseProvider.Sqlite);
        var report = await TicketGenerator.RunAsync(city.Database, tickets);
        Console.Error.WriteLine($"  {report}");
        results.Facts["export.generated"] = report.ToString();
        await using var app = await AppUnderTest.StartAsync(city);
        var token = await app.TokenAsync("admin", app.DemoPasswords()["admin"]);
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromMinutes(10) };
        var dbFile = Path.Combine(city.DataDir, "gridgov.db");

        long bytes = 0, rows = 0;
        var growth = new List<double>();
        var peak = new List<double>();
        var samples = await results.MeasureAsync(
            async () =>
            {
                var before = Proc(app.Server.Pid, "VmRSS");
                ResetPeak(app.Server.Pid);
                var clock = Stopwatch.StartNew();
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tickets/export?queue=All");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
                await using var body = await response.Content.ReadAsStreamAsync();
                var path = Path.Combine(city.DataDir, "export.xlsx");
                await using (var file = File.Create(path)) await body.CopyToAsync(file);
                var elapsed = clock.Elapsed;
                bytes = new FileInfo(path).Length;
                var high = Proc(app.Server.Pid, "VmHWM");
                peak.Add(high / 1e6);
                growth.Add((high - before) / 1e6);
                rows = CountRows(path);
                return elapsed;
            },
            () => Task.FromResult(RawRead(dbFile)));

        results.Add("export.http-100k", "s", samples[0].Select(t => t).ToArray(), limit: "limit.sqlite-read");
        results.Add("limit.sqlite-read", "s", samples[1]);
        results.Add("export.rows", "rows/s", samples[0].Select(t => rows / t).ToArray(), limit: "limit.sqlite-rows");
        results.Add("limit.sqlite-rows", "rows/s", samples[1].Select(t => rows / t).ToArray());
        // The first call is the untimed warm-up (JIT, first query plans, MiniExcel's first use): its
        // growth is a one-off of the process, told apart from what each export costs.
        results.Facts["export.first-growth-mb"] = Math.Round(growth[0], 1);
        growth.RemoveAt(0);
        results.Facts["export.rows-in-file"] = rows;
        results.Facts["export.file-mb"] = Math.Round(bytes / 1e6, 2);
        results.Facts["export.server-peak-rss-mb"] = Math.Round(peak.Max(), 1);
        results.Facts["export.server-growth-mb-max"] = Math.Round(growth.Max(), 1);
        results.Facts["export.server-growth-mb-median"] = Math.Round(growth.Order().ElementAt(growth.Count / 2), 1);
    }

    // The limit: the same columns of every ticket, read with a bare reader and each value touched.
    static TimeSpan RawRead(string dbFile) => Results.Time(() =>
    {
        using var c = new SqliteConnection($"Data Source={dbFile};Mode=ReadOnly");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM Tickets ORDER BY Id DESC";
        using var r = cmd.ExecuteReader();
        long sum = 0;
        while (r.Read())
        {
            sum += r.GetInt64(0) + r.GetInt32(1) + r.GetString(2).Length + (r.IsDBNull(3) ? 0 : r.GetString(3).Length) + r.GetInt64(4);
            sum += r.GetInt32(5) + r.GetInt32(6) + (r.GetBoolean(7) ? 1 : 0) + r.GetInt32(8) + r.GetDateTime(9).Ticks % 7;
            sum += r.IsDBNull(10) ? 0 : r.GetDateTime(10).Ticks % 7;
            sum += r.IsDBNull(11) ? 0 : r.GetInt64(11);
        }
        GC.KeepAlive(sum);
    });

    // Rows in the sheet (without its header): counted from the file, so the figure is what arrived.
    static long CountRows(string path) => MiniExcelLibs.MiniExcel.Query(path, useHeaderRow: true).LongCount();

    // /proc/<pid>/status figures, in bytes.
    static long Proc(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        throw new InvalidOperationException($"/proc/{pid}/status has no {field}");
    }

    // Writing 5 to clear_refs resets the peak resident set (VmHWM) to the current one (Linux ≥ 4.0).
    static void ResetPeak(int pid) => File.WriteAllText($"/proc/{pid}/clear_refs", "5");
}
