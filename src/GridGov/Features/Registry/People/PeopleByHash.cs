using GridGov.Infrastructure.Crypto;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Import;
using GridGov.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.People;

public sealed record PersonRef(long Id, string IdHash, string Name, long? AddressId, long GridCode);

// The people an import chunk names by ID number, found by the keyed hash in one query. Scoped, someone
// outside the uploader's area is "not registered" to them; `cityWide` looks past the scope for rules
// that hold across the city (one permit per person, one licence per dog), where someone registered
// elsewhere must be found to be refused rather than doubled.
public static class PeopleByHash
{
    // Each row's number in `column`, checked by GB 11643 and hashed; null where it holds no valid number.
    public static string?[] HashColumn(PersonalData personal, IReadOnlyList<ImportRow> rows, string column, DateOnly today)
    {
        var hashes = new string?[rows.Count];
        Parallel.For(0, rows.Count, i =>
        {
            if (IdNumbers.Check(rows[i][column], today) is { Valid: true } id) hashes[i] = PersonNumbers.IdHashOf(personal, "111", id.Number!);
        });
        return hashes;
    }

    public static async Task<Dictionary<string, PersonRef>> FindAsync(GridDbContext db, IEnumerable<string?> hashes, bool cityWide, CancellationToken ct)
    {
        var wanted = hashes.OfType<string>().Distinct().ToList();
        var people = cityWide ? db.Set<Person>().IgnoreQueryFilters() : db.Set<Person>();
        // One array parameter, not one per hash: SQLite binds parameters by name one at a time, which
        // for a chunk's 2,000 hashes costs more than the query.
        return await people.AsNoTracking().Where(p => EF.Parameter(wanted).Contains(p.IdHash))
            .Select(p => new PersonRef(p.Id, p.IdHash, p.Name, p.AddressId, p.GridCode)).ToDictionaryAsync(p => p.IdHash, ct);
    }
}
