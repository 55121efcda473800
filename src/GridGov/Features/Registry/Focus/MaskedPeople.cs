using GridGov.Features.Organization;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Focus;

// People as the list of 实有人口 shows them (masked numbers only), by id, within the caller's area: what
// the focus and party parts show beside their own rows.
public sealed class MaskedPeople(GridDbContext db, Places places)
{
    public async Task<Dictionary<long, PersonRow>> ByIdAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        var rows = new Dictionary<long, PersonRow>();
        foreach (var chunk in ids.Distinct().Chunk(500))
        {
            var people = await db.Set<Person>().AsNoTracking().Where(p => chunk.Contains(p.Id))
                .Select(p => new { p.Id, p.Name, p.Gender, p.BirthDate, p.IdMasked, p.PhoneMasked, p.Residency, p.CurrentAddress, p.GridCode, p.State })
                .ToListAsync(ct);
            foreach (var p in people)
                rows[p.Id] = new(p.Id, p.Name, ListPeople.GenderName(p.Gender), p.BirthDate, p.IdMasked, p.PhoneMasked, p.Residency,
                    PersonCheck.ResidencyName(p.Residency), p.CurrentAddress, p.GridCode, await places.NameAsync(p.GridCode, ct), p.State,
                    RegistryNames.State(p.State));
        }
        return rows;
    }

    public async Task<PersonRow?> OneAsync(long id, CancellationToken ct = default) => (await ByIdAsync([id], ct)).GetValueOrDefault(id);
}
