using System.Diagnostics;
using System.Globalization;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Crypto;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GridGov.Bench;

// Exact search by ID number at a whole city's size (Nanjing: ~10 M people). The People table is filled
// raw — real keyed hashes of valid, distinct ID numbers, placeholder ciphers (search never decrypts) —
// because 10 M through the pipeline would take the better part of an hour; the pipeline's own speed is
// the `registry` mode's figure. Then the search as the API runs it (hash, EF query under the scope
// filter, a fresh context per search) for a district user and for all data, beside the machine's
// limit: the same hashed lookup as one prepared statement on an open connection.
static class RegistrySearchBench
{
    static readonly string[] Regions = ["320102", "320104", "320105", "320106", "320111", "320113", "320114", "320115", "340102", "411302"];
    const int Days = 365 * 80;

    // The i-th distinct valid ID number: region × birth day × sequence never repeats below 10 × 29,200 × 1,000.
    static string IdOf(long i)
    {
        var region = Regions[i % Regions.Length];
        var day = new DateOnly(1940, 1, 1).AddDays((int)(i / Regions.Length % Days));
        var seq = i / (Regions.Length * Days);
        var first = $"{region}{day:yyyyMMdd}{seq:000}";
        return first + GridGov.Infrastructure.Text.IdNumbers.CheckChar(first);
    }

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
        var table = new EfTable<Person>(city.Database.CreateUnscoped(AuditActor.System).Model, withKey: false);
        var timer = Stopwatch.StartNew();
        Fill(city.Database.ConnectionString, provider, table, personal, people);
        var fill = timer.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"registry-search/{label}: {people:N0} people written raw in {fill:0} s ({people / fill:N0}/s)");
        results.Facts[$"registry-search.{label}.fill-s"] = Math.Round(fill);
        results.Facts[$"registry-search.{label}.db-mb"] = Math.Round(city.DatabaseBytes() / 1e6);

        const int n = 3000;
        var random = new Random(5);
        var sample = Enumerable.Range(0, n + 200).Select(_ => (long)random.NextInt64(people)).ToArray();
        var district = new DataScope(DataScopeKind.UnitAndBelow, 320102, 1, []);
        var scoped = await SearchAsync(city.Database, personal, sample, district, n);
        var all = await SearchAsync(city.Database, personal, sample, DataScope.Everything, n);
        var limit = provider == DatabaseProvider.Sqlite ? RawSqlite(city.Database.ConnectionString, personal, sample, n) : RawPostgres(city.Database.ConnectionString, personal, sample, n);
        foreach (var (name, l) in new[] { ("district", scoped), ("all", all), ("raw", limit) })
            Console.Error.WriteLine($"registry-search/{label}: {name} p50 {P(l, 0.5):0.000} ms, p95 {P(l, 0.95):0.000} ms, p99 {P(l, 0.99):0.000} ms");
        results.Add($"registry-search.{label}.district-user", "ms", [P(scoped, 0.5), P(scoped, 0.95), P(scoped, 0.99)], $"limit.{label}.hashed-lookup");
        results.Add($"registry-search.{label}.all-data", "ms", [P(all, 0.5), P(all, 0.95), P(all, 0.99)], $"limit.{label}.hashed-lookup");
        results.Add($"limit.{label}.hashed-lookup", "ms", [P(limit, 0.5), P(limit, 0.95), P(limit, 0.99)]);
        results.Facts[$"registry-search.{label}.people"] = people;
        results.Facts[$"registry-search.{label}.samples"] = "p50, p95, p99 of 3,000 searches for random registered numbers";
    }

    static double P(double[] sorted, double q) => sorted[(int)(sorted.Length * q)];

    // In blocks of 200,000: hashes on all cores, then one writer in one transaction per block.
    static void Fill(string connectionString, DatabaseProvider provider, EfTable<Person> table, PersonalData personal, int people)
    {
        const int block = 200_000;
        var now = DateTime.UtcNow;
        var hashes = new string[block];
        using var sqlite = provider == DatabaseProvider.Sqlite ? new SqliteConnection(connectionString) : null;
        using var pg = provider == DatabaseProvider.Postgres ? new NpgsqlConnection(connectionString) : null;
        if (sqlite is not null) { sqlite.Open(); new SqlitePragmas().ConnectionOpened(sqlite, null!); }
        pg?.Open();
        for (long start = 0; start < people; start += block)
        {
            var count = (int)Math.Min(block, people - start);
            Parallel.For(0, count, i => hashes[i] = PersonNumbers.IdHashOf(personal, "111", IdOf(start + i)));
            // In hash order, as a bulk load would sort them: the unique index then grows in runs
            // instead of one random page per row.
            var order = Enumerable.Range(0, count).OrderBy(i => hashes[i], StringComparer.Ordinal).ToArray();
            IEnumerable<object?[]> Rows()
            {
                foreach (var i in order)
                {
                    var id = IdOf(start + i);
                    yield return table.Values(new Person
                    {
                        Name = "人员" + (start + i).ToString(CultureInfo.InvariantCulture), IdCipher = "-", IdHash = hashes[i],
                        IdMasked = GridGov.Infrastructure.Text.IdNumbers.Mask(id), Gender = id[16] % 2 == 1 ? "1" : "2",
                        // Spread over the district's grids, as a city's people are.
                        GridCode = 320102000000000 + (start + i) % 7 * 1_000_000 + (start + i) % 9 * 1000 + 1 + (start + i) % 5,
                        CreatedAt = now, UpdatedAt = now,
                    });
                }
            }
            if (sqlite is not null)
            {
                using var tx = sqlite.BeginTransaction();
                using (var rows = new SqliteFastRows<Person>(sqlite, table))
                    foreach (var r in Rows()) rows.Write(r);
                tx.Commit();
            }
            else
            {
                using var rows = new PgRows<Person>(pg!, table);
                foreach (var r in Rows()) rows.Write(r);
                rows.Complete();
            }
            if ((start / block) % 10 == 9) Console.Error.WriteLine($"  {start + count:N0} written");
        }
    }

    static async Task<double[]> SearchAsync(GridDatabase database, PersonalData personal, long[] sample, DataScope scope, int n)
    {
        var latencies = new double[n];
        for (var i = -200; i < n; i++)
        {
            var id = IdOf(sample[i + 200]);
            var start = Stopwatch.GetTimestamp();
            await using var db = database.Create(scope, AuditActor.System);
            var hash = PersonNumbers.IdHashOf(personal, "111", id);
            var found = await db.Set<Person>().AsNoTracking().Where(p => p.IdHash == hash).Select(p => new { p.Id, p.Name, p.IdMasked, p.GridCode }).ToListAsync();
            if (found.Count != 1) throw new InvalidOperationException($"search found {found.Count}");
            if (i >= 0) latencies[i] = (Stopwatch.GetTimestamp() - start) * 1000.0 / Stopwatch.Frequency;
        }
        Array.Sort(latencies);
        return latencies;
    }

    static double[] RawSqlite(string connectionString, PersonalData personal, long[] sample, int n)
    {
        using var conn = new SqliteConnection(connectionString);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT Id, Name, IdMasked, GridCode FROM People WHERE IdHash = $h";
        var p = cmd.Parameters.Add("$h", SqliteType.Text);
        cmd.Prepare();
        return Time(sample, n, id =>
        {
            p.Value = PersonNumbers.IdHashOf(personal, "111", id);
            using var r = cmd.ExecuteReader();
            return r.Read();
        });
    }

    static double[] RawPostgres(string connectionString, PersonalData personal, long[] sample, int n)
    {
        using var conn = new NpgsqlConnection(connectionString);
        conn.Open();
        using var cmd = new NpgsqlCommand("SELECT \"Id\", \"Name\", \"IdMasked\", \"GridCode\" FROM \"People\" WHERE \"IdHash\" = $1", conn);
        var p = cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Varchar });
        cmd.Prepare();
        return Time(sample, n, id =>
        {
            p.Value = PersonNumbers.IdHashOf(personal, "111", id);
            using var r = cmd.ExecuteReader();
            return r.Read();
        });
    }

    static double[] Time(long[] sample, int n, Func<string, bool> find)
    {
        var latencies = new double[n];
        for (var i = -200; i < n; i++)
        {
            var id = IdOf(sample[i + 200]);
            var start = Stopwatch.GetTimestamp();
            if (!find(id)) throw new InvalidOperationException("raw lookup found nobody");
            if (i >= 0) latencies[i] = (Stopwatch.GetTimestamp() - start) * 1000.0 / Stopwatch.Frequency;
        }
        Array.Sort(latencies);
        return latencies;
    }
}
