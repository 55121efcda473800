using GridGov.Features.Organization;
using GridGov.Features.Registry.Codes;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.People;

// One person's page, numbers masked; 404 outside the caller's scope.
public sealed class GetPerson(GridDbContext db, CodeBook codes, Places places)
{
    public async Task<Result<PersonDetail>> HandleAsync(long id, CancellationToken ct = default)
    {
        var p = await db.Set<Person>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (p is null) return Result<PersonDetail>.NotFound();
        var homes = await (
            from o in db.Set<Houses.HouseOccupant>()
            join h in db.Set<Houses.House>() on o.HouseId equals h.Id
            join a in db.Set<Addresses.Address>() on h.AddressId equals a.Id
            where o.PersonId == id && o.State != VerificationState.Removed
            select new { a.Id, a.FullName, h.Use, o.Role, o.RelationToHead }).ToListAsync(ct);
        return Result<PersonDetail>.Ok(new(p.Id, p.Name, p.FormerName, p.Gender, ListPeople.GenderName(p.Gender), p.BirthDate, p.IdType, p.IdMasked,
            p.PhoneMasked, p.Ethnicity, codes[CodeBook.Ethnicity].NameOf(p.Ethnicity), p.NativePlace, p.Marital, codes[CodeBook.Marital].NameOf(p.Marital),
            p.Political, codes[CodeBook.Political].NameOf(p.Political), p.Education, p.Occupation, p.Workplace, p.RegisteredPlace, p.RegisteredAddress,
            p.Residency, PersonCheck.ResidencyName(p.Residency), p.AddressId, p.CurrentAddress, p.GridCode, await places.NameAsync(p.GridCode, ct),
            p.Source, RegistryNames.Source(p.Source), p.SourceSystem, p.ImportBatchId, p.State, RegistryNames.State(p.State), p.StateByName, p.StateAt,
            p.CreatedAt, p.UpdatedAt, p.Version,
            [.. homes.Select(x => new PersonHome(x.Id, x.FullName, Addresses.HouseNames.Use(x.Use), Addresses.HouseNames.Role(x.Role), codes[CodeBook.Relation].NameOf(x.RelationToHead)))]));
    }
}
