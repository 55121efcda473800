using GridGov.Features.Organization;
using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Dogs;

// 养犬登记 of the caller's area (the data-scope filter): the list with its reminders (licence or rabies
// vaccination due within 30 days or overdue), one dog, and the counts of the reminders.
public sealed class ListDogs(GridDbContext db, Places places, TimeProvider clock)
{
    public DateOnly Today => Infrastructure.ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);

    public async Task<Result<PagedResult<DogRow>>> HandleAsync(DogQuery q, CancellationToken ct = default)
    {
        var (page, size, bad) = Paging.Of(q.Page, q.PageSize, 20, 200);
        if (bad is not null) return Result<PagedResult<DogRow>>.Invalid(bad);
        var dogs = Filter(q);
        var total = await dogs.CountAsync(ct);
        var items = await dogs.OrderBy(d => d.GridCode).ThenBy(d => d.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return Result<PagedResult<DogRow>>.Ok(new(await RowsAsync(items, ct), total, page, size));
    }

    public async Task<Result<DogRow>> GetAsync(long id, CancellationToken ct = default)
    {
        var d = await db.Set<Dog>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        return d is null ? Result<DogRow>.NotFound() : Result<DogRow>.Ok((await RowsAsync([d], ct))[0]);
    }

    public async Task<Result<DogCounts>> CountAsync(long? unit, CancellationToken ct = default) => Result<DogCounts>.Ok(new(
        await Filter(new(unit)).CountAsync(ct),
        await Filter(new(unit, Restricted: true)).CountAsync(ct),
        await Filter(new(unit, Reminder: DogReminder.Licence)).CountAsync(ct),
        await Filter(new(unit, Reminder: DogReminder.Vaccine)).CountAsync(ct)));

    internal IQueryable<Dog> Filter(DogQuery q)
    {
        var dogs = db.Set<Dog>().AsNoTracking();
        if (q.Unit is { } unit)
        {
            var (from, to) = OrgCode.Subtree(unit);
            dogs = dogs.Where(d => d.GridCode >= from && d.GridCode <= to);
        }
        if (q.Restricted is { } r) dogs = dogs.Where(d => d.Restricted == r);
        var warn = Today.AddDays(DogRules.WarnDays);
        // Vaccinated a year before the warning date or earlier: due within the window or overdue.
        var vaccinatedBy = warn.AddYears(-1);
        dogs = q.Reminder switch
        {
            DogReminder.Licence => dogs.Where(d => d.LicenceExpires != null && d.LicenceExpires <= warn),
            DogReminder.Vaccine => dogs.Where(d => d.VaccinatedOn == null || d.VaccinatedOn <= vaccinatedBy),
            _ => dogs,
        };
        if (q.Keyword?.Trim() is { Length: > 0 } k)
            dogs = dogs.Where(d => d.LicenceNo == k || (d.KeeperName != null && d.KeeperName.Contains(k)) || (d.Name != null && d.Name.Contains(k)) || d.Breed.Contains(k));
        return dogs;
    }

    internal async Task<List<DogRow>> RowsAsync(IReadOnlyList<Dog> dogs, CancellationToken ct)
    {
        var keepers = dogs.Select(d => d.KeeperId).OfType<long>().Distinct().ToList();
        var phones = await db.Set<Person>().AsNoTracking().Where(p => keepers.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.PhoneMasked, ct);
        var addressIds = dogs.Select(d => d.AddressId).OfType<long>().Distinct().ToList();
        var addresses = await db.Set<Address>().AsNoTracking().Where(a => addressIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.FullName, ct);
        var rows = new List<DogRow>(dogs.Count);
        foreach (var d in dogs)
            rows.Add(Row(d, d.KeeperId is { } k ? phones.GetValueOrDefault(k) : null, d.AddressId is { } a ? addresses.GetValueOrDefault(a) : null,
                await places.NameAsync(d.GridCode, ct)));
        return rows;
    }

    internal DogRow Row(Dog d, string? phone, string? address, string? gridName)
    {
        var today = Today;
        var licence = DogRules.ReminderOf(d.LicenceExpires, today);
        var vaccineDue = DogRules.VaccineDue(d.VaccinatedOn);
        var vaccine = DogRules.ReminderOf(vaccineDue, today, missingIsOverdue: true);
        return new(d.Id, d.KeeperId, d.KeeperName, phone, d.AddressId, address, d.Name, d.Breed, d.Colour, d.Gender, DogRules.GenderName(d.Gender), d.BornOn,
            d.Restricted, d.LicenceNo, d.LicenceExpires, licence, licence is { } l ? DogNames.Licence(l) : null, d.VaccinatedOn, vaccineDue, vaccine,
            vaccine is { } v ? DogNames.Vaccine(v) : null, d.ChipNo, d.GridCode, gridName, d.State, RegistryNames.State(d.State), d.Version);
    }
}
