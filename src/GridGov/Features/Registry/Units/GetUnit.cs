using GridGov.Features.Organization;
using GridGov.Features.Registry.Codes;
using GridGov.Features.Registry.Party;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Units;

// One unit's page, numbers masked, with the party organisations registered at it; 404 outside the
// caller's scope.
public sealed class GetUnit(GridDbContext db, CodeBook codes, Places places)
{
    public async Task<Result<UnitDetail>> HandleAsync(long id, CancellationToken ct = default)
    {
        var u = await db.Set<Unit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (u is null) return Result<UnitDetail>.NotFound();
        var partyOrgs = await db.Set<PartyOrg>().AsNoTracking().Where(o => o.UnitId == id && o.State != VerificationState.Removed)
            .OrderBy(o => o.Id).Select(o => o.Name).ToListAsync(ct);
        var categoryTable = UnitStandard.CategoryTable(u.Kind);
        return Result<UnitDetail>.Ok(new(u.Id, u.Kind, UnitNames.Kind(u.Kind), u.Name, u.CreditCode, u.Category,
            categoryTable is null ? null : codes[categoryTable].NameOf(u.Category), u.AddressId, u.AddressText, u.GridCode, await places.NameAsync(u.GridCode, ct),
            u.Phone, u.Employees, u.LegalRepName, u.LegalRepIdType, u.LegalRepIdMasked, u.LegalRepPhoneMasked, u.SecurityName, u.SecurityPhoneMasked,
            u.Hazardous, u.HazardType, codes[UnitStandard.HazardTable].NameOf(u.HazardType), u.Attention, codes[UnitStandard.AttentionTable].NameOf(u.Attention),
            u.HasPartyOrg, u.PartyMembers, partyOrgs, UnitFields.ReadFields(u.Fields), u.Source, RegistryNames.Source(u.Source), u.SourceSystem,
            u.State, RegistryNames.State(u.State), u.StateByName, u.StateAt, u.CreatedAt, u.UpdatedAt, u.Version));
    }
}
