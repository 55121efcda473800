using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using GridGov.Features.Organization;
using GridGov.Features.Registry;
using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.Codes;
using GridGov.Features.Registry.Demo;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Crypto;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Import;
using GridGov.Infrastructure.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace GridGov.Bench;

// Importing people through the one pipeline (staging, reading, cleaning, GB 11643 checks, SM4 and
// HMAC-SM3 per number, matching standard addresses, writing, quarantine, audit), beside the machine's
// limit for the same rows: the CSV read with CsvHelper and inserted raw (no checks, no crypto) into the
// same table with the same indexes. Then exact search by ID number among them. SQLite, and PostgreSQL
// when GRIDGOV_TEST_PG names a server. Peak memory is this process's resident peak during the import.
static class RegistryBench
{
    static readonly string[] Header = ["姓名", "公民身份号码", "人口类型", "现住地址", "所属社区", "联系电话", "民族", "婚姻状况"];

    public static async Task RunAsync(Results results, int people, bool postgres)
    {
        var providers = new List<DatabaseProvider> { DatabaseProvider.Sqlite };
        if (postgres && BenchCity.PostgresServer is not null) providers.Add(DatabaseProvider.Postgres);
        foreach (var provider in providers) await RunOnAsync(results, provider, people);
    }

    static async Task RunOnAsync(Results results, DatabaseProvider provider, int people)
    {
        await using var city = await BenchCity.CreateAsync(provider);
        var label = city.Label;
        var personal = PersonalData.Ephemeral();
        var places = new Places(city.Database);
        var clock = Stopwatch.StartNew();
        List<long> communities;
        await using (var db = city.Database.CreateUnscoped(AuditActor.System))
            communities = await db.OrgUnits.Where(u => u.Level == OrgLevel.Community).OrderBy(u => u.Code).Select(u => u.Code).Take(60).ToListAsync();
        var generated = await new RegistryGenerator(city.Database, places, personal, TimeProvider.System).FillAsync(communities, 1.0, 7, default, withPeople: false);
        Console.Error.WriteLine($"registry/{label}: {generated.Addresses:N0} standard addresses in {communities.Count} communities ({clock.Elapsed.TotalSeconds:0.0} s)");
        var file = Path.Combine(city.DataDir, "people.csv");
        await WriteFileAsync(city.Database, places, file, people);
        results.Facts[$"registry.{label}.file-mb"] = Math.Round(new FileInfo(file).Length / 1e6, 1);

        var codes = new CodeBook(Path.Combine(BenchDb.DataDir, "codes"));
        var target = new PeopleImport(codes, personal, new AddressMatcher(places), TimeProvider.System);
        var folder = new DataFolder(city.DataDir);
        var runner = new ImportRunner(city.Database, new ImportFiles(folder), personal, [target], TimeProvider.System, NullLogger<ImportRunner>.Instance);
        var table = new EfTable<Person>(city.Database.CreateUnscoped(AuditActor.System).Model, withKey: false);
        var imports = new ImportFiles(folder);

        // Warm-up on the first 20,000 rows (JIT, EF model, first queries): not a second million.
        var warm = Path.Combine(city.DataDir, "warm.csv");
        await File.WriteAllLinesAsync(warm, File.ReadLines(file).Take(20_001), new UTF8Encoding(false));
        await ImportAsync(warm);
        var samples = new List<double>();
        var peaks = new List<double>();
        ImportBatch? last = null;
        for (var run = 0; run < results.Runs; run++)
        {
            await ClearAsync(city.Database);
            GC.Collect();
            ResetPeak();
            var before = Rss("VmRSS");
            var timer = Stopwatch.StartNew();
            last = await ImportAsync(file);
            samples.Add(timer.Elapsed.TotalSeconds);
            peaks.Add(Rss("VmHWM") - before);
            if (last.State != ImportState.Done || last.Inserted + last.Rejected != people)
                throw new InvalidOperationException($"import ended {last.State}: {last.Inserted} inserted, {last.Rejected} rejected, {last.Error}");
            Console.Error.WriteLine($"registry/{label}: {people:N0} people in {samples[^1]:0.0} s ({people / samples[^1]:N0}/s), peak growth {peaks[^1]:0} MB");
        }
        // Search among the people the last run left.
        var latencies = await SearchAsync(city.Database, personal, file, 3000);
        var raw = new List<double>();
        for (var run = 0; run < results.Runs; run++)
        {
            await ClearAsync(city.Database);
            raw.Add((provider == DatabaseProvider.Sqlite ? RawSqlite(city.Database.ConnectionString, table, file) : RawPostgres(city.Database.ConnectionString, table, file)).TotalSeconds);
            Console.Error.WriteLine($"registry/{label}: raw insert {raw[^1]:0.0} s ({people / raw[^1]:N0}/s)");
        }
        results.Add($"registry.{label}.import-{people / 1000}k", "s", [.. samples], $"limit.{label}.raw-insert-{people / 1000}k");
        results.Add($"registry.{label}.people", "people/s", [.. samples.Select(s => people / s)], $"limit.{label}.raw-rows");
        results.Add($"limit.{label}.raw-insert-{people / 1000}k", "s", [.. raw]);
        results.Add($"limit.{label}.raw-rows", "people/s", [.. raw.Select(s => people / s)]);
        results.Facts[$"registry.{label}.peak-growth-mb"] = string.Join(", ", peaks.Select(p => Math.Round(p)));
        results.Facts[$"registry.{label}.rejected"] = last!.Rejected;
        results.Add($"registry.{label}.search-by-id", "ms", [latencies[(int)(latencies.Length * 0.5)], latencies[(int)(latencies.Length * 0.95)], latencies[(int)(latencies.Length * 0.99)]]);
        results.Facts[$"registry.{label}.search-p50-p95-p99-ms"] = string.Join(" / ", new[] { 0.5, 0.95, 0.99 }.Select(q => latencies[(int)(latencies.Length * q)].ToString("0.000", CultureInfo.InvariantCulture)));
        results.Facts[$"registry.{label}.db-mb"] = Math.Round(city.DatabaseBytes() / 1e6);

        async Task<ImportBatch> ImportAsync(string source)
        {
            var staged = Path.Combine(city.DataDir, "imports", "staged.csv");
            Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
            File.Copy(source, staged, overwrite: true);
            var batch = await StageAsync(city.Database, staged, target);
            File.Move(staged, imports.PathOf(batch), overwrite: true);
            await runner.RunAsync(batch.Id, default);
            await using var db = city.Database.CreateUnscoped(AuditActor.System);
            return await db.Set<ImportBatch>().AsNoTracking().SingleAsync(b => b.Id == batch.Id);
        }
    }

    // What ImportStaging does for an upload (format, encoding, header, row count), then the batch row.
    static async Task<ImportBatch> StageAsync(GridDatabase database, string path, IImportTarget target)
    {
        var encoding = ImportFile.DetectEncoding(path);
        var (_, rows) = ImportFile.Open(path, ImportFile.Csv, encoding, ImportColumns.Canonical(target.Columns));
        var count = rows.Count();
        var batch = new ImportBatch
        {
            Target = target.Key, TargetName = target.Name, FileName = "people.csv", FileSha256 = "", Format = ImportFile.Csv, Encoding = encoding,
            State = ImportState.Queued, TotalRows = count, GridCode = 0, CreatedByName = "bench", ScopeJson = JsonSerializer.Serialize(DataScope.Everything),
            CreatedAt = DateTime.UtcNow,
        };
        await using var db = database.CreateUnscoped(AuditActor.System);
        db.Add(batch);
        await db.SaveChangesAsync();
        return batch;
    }

    static async Task ClearAsync(GridDatabase database)
    {
        await using var db = database.CreateUnscoped(AuditActor.System);
        await db.Set<Person>().ExecuteDeleteAsync();
        await db.Set<ImportIssue>().ExecuteDeleteAsync();
    }

    // Rows of plausible people at the generated rooms; 1 % with a wrong check character (quarantined).
    static async Task WriteFileAsync(GridDatabase database, Places places, string path, int people)
    {
        await using var db = database.CreateUnscoped(AuditActor.System);
        var rooms = await db.Set<Address>().Where(a => a.Code.Length == AddressCodes.MaxLength).Select(a => new { a.FullName, a.CommunityCode }).ToListAsync();
        var names = new Dictionary<long, string>();
        foreach (var c in rooms.Select(r => r.CommunityCode).Distinct()) names[c] = await places.NameAsync(c) ?? "";
        var random = new Random(11);
        var issued = new HashSet<string>();
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        await writer.WriteLineAsync(string.Join(",", Header));
        string[] regions = ["320102", "320104", "320105", "320106", "340102", "341202", "411302", "320302"];
        for (var i = 0; i < people; i++)
        {
            string id;
            do
            {
                var first = $"{regions[random.Next(regions.Length)]}{new DateOnly(1940, 1, 1).AddDays(random.Next(0, 365 * 80)):yyyyMMdd}{random.Next(0, 1000):000}";
                id = first + GridGov.Infrastructure.Text.IdNumbers.CheckChar(first);
            } while (!issued.Add(id));
            if (i % 100 == 99) id = id[..17] + (id[17] == '1' ? '2' : '1');
            var room = rooms[random.Next(rooms.Count)];
            await writer.WriteLineAsync($"{DemoNames.Name(random, id[16] % 2 == 1)},{id},{(i % 5 == 0 ? "流动" : "户籍")},{room.FullName},{names[room.CommunityCode]},1{random.Next(30, 99)}{random.Next(10_000_000, 99_999_999)},汉族,已婚");
        }
    }

    static IEnumerable<string[]> ReadRows(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false });
        csv.Read();
        while (csv.Read()) yield return csv.Record!;
    }

    // The limit: the same rows read and written into the People table as they are, one transaction.
    static Person Raw(string[] r, DateTime now) => new()
    {
        Name = r[0], IdCipher = r[1], IdHash = r[1], IdMasked = r[1], Residency = r[2] == "流动" ? ResidencyType.Floating : ResidencyType.Registered,
        CurrentAddress = r[3], PhoneCipher = r[5], PhoneHash = r[5], PhoneMasked = r[5], Ethnicity = "01", Marital = "20", Gender = "1",
        GridCode = 320102002001001, CreatedAt = now, UpdatedAt = now,
    };

    static TimeSpan RawSqlite(string connectionString, EfTable<Person> table, string file)
    {
        var timer = Stopwatch.StartNew();
        using var conn = new SqliteConnection(connectionString);
        conn.Open();
        new SqlitePragmas().ConnectionOpened(conn, null!);
        using var tx = conn.BeginTransaction();
        using (var rows = new SqliteFastRows<Person>(conn, table))
        {
            var now = DateTime.UtcNow;
            foreach (var r in ReadRows(file)) rows.Write(table.Values(Raw(r, now)));
        }
        tx.Commit();
        return timer.Elapsed;
    }

    static TimeSpan RawPostgres(string connectionString, EfTable<Person> table, string file)
    {
        var timer = Stopwatch.StartNew();
        using var conn = new NpgsqlConnection(connectionString);
        conn.Open();
        using (var rows = new PgRows<Person>(conn, table))
        {
            var now = DateTime.UtcNow;
            foreach (var r in ReadRows(file)) rows.Write(table.Values(Raw(r, now)));
            rows.Complete();
        }
        return timer.Elapsed;
    }

    // Exact search as the API does it: the number's keyed hash, then the index; a fresh context per
    // search (as per request), random imported numbers.
    static async Task<double[]> SearchAsync(GridDatabase database, PersonalData personal, string file, int n)
    {
        var ids = ReadRows(file).Select(r => r[1]).Where((_, i) => i % 100 != 99).Take(200_000).ToList();
        var random = new Random(5);
        var latencies = new double[n];
        for (var i = -200; i < n; i++)
        {
            var id = ids[random.Next(ids.Count)];
            var start = Stopwatch.GetTimestamp();
            await using var db = database.Create(DataScope.Everything, AuditActor.System);
            var hash = PersonNumbers.IdHashOf(personal, "111", id);
            var found = await db.Set<Person>().AsNoTracking().Where(p => p.IdHash == hash).Select(p => new { p.Id, p.Name, p.IdMasked }).ToListAsync();
            if (found.Count != 1) throw new InvalidOperationException($"search found {found.Count}");
            if (i >= 0) latencies[i] = (Stopwatch.GetTimestamp() - start) * 1000.0 / Stopwatch.Frequency;
        }
        Array.Sort(latencies);
        return latencies;
    }

    static void ResetPeak() => File.WriteAllText("/proc/self/clear_refs", "5");

    static double Rss(string field) =>
        File.ReadLines("/proc/self/status").Where(l => l.StartsWith(field + ":")).Select(l => double.Parse(l.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024).First();
}
