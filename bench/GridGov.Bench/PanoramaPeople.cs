using GridGov.Features.Organization;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GridGov.Bench;

// A city's people for the panorama's figures: spread over every grid, by residency type in roughly a
// city's shares, some removed. Written raw; the ID hash is only a distinct placeholder here (the
// search benchmark writes real keyed hashes: the panorama never reads them).
static class PanoramaPeople
{
    public static async Task<long[]> GridsAsync(GridDatabase database)
    {
        await using var db = database.CreateUnscoped(AuditActor.System);
        return [.. await db.OrgUnits.Where(u => u.Level == GridGov.Infrastructure.Places.OrgLevel.Grid).OrderBy(u => u.Code).Select(u => u.Code).ToListAsync()];
    }

    public static async Task FillAsync(BenchCity city, int people)
    {
        var grids = await GridsAsync(city.Database);
        EfTable<Person> table;
        await using (var db = city.Database.CreateUnscoped(AuditActor.System)) table = new EfTable<Person>(db.Model, withKey: false);
        var now = DateTime.UtcNow;
        var random = new Random(9);
        IEnumerable<object?[]> Rows(long from, long to)
        {
            for (var i = from; i < to; i++)
            {
                var r = random.Next(100);
                yield return table.Values(new Person
                {
                    Name = "人员", IdCipher = "-", IdHash = "p" + i, IdMasked = "-", Gender = (i % 2 + 1).ToString(),
                    GridCode = grids[random.Next(grids.Length)],
                    Residency = r < 68 ? ResidencyType.Registered : r < 93 ? ResidencyType.Floating : r < 99 ? ResidencyType.Lodger : ResidencyType.Foreigner,
                    State = r % 50 == 0 ? GridGov.Features.Registry.VerificationState.Removed : GridGov.Features.Registry.VerificationState.Verified,
                    CreatedAt = now, UpdatedAt = now,
                });
            }
        }
        const int block = 500_000;
        for (long start = 0; start < people; start += block)
        {
            var end = Math.Min(people, start + block);
            if (city.Provider == DatabaseProvider.Sqlite)
            {
                using var c = new SqliteConnection(city.Database.ConnectionString);
                c.Open();
                new SqlitePragmas().ConnectionOpened(c, null!);
                using var tx = c.BeginTransaction();
                using (var rows = new SqliteFastRows<Person>(c, table)) foreach (var row in Rows(start, end)) rows.Write(row);
                tx.Commit();
            }
            else
            {
                using var c = new NpgsqlConnection(city.Database.ConnectionString);
                c.Open();
                using var rows = new PgRows<Person>(c, table);
                foreach (var row in Rows(start, end)) rows.Write(row);
                rows.Complete();
            }
        }
        if (city.Provider == DatabaseProvider.Postgres)
        {
            await using var c = new NpgsqlConnection(city.Database.ConnectionString);
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand("VACUUM (ANALYZE) \"People\"", c) { CommandTimeout = 0 };
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
