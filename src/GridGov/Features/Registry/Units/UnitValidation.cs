using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.Codes;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Import;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Units;

// The checks of a form or API request (create and edit alike): the field rules of UnitCheck, the place
// in the caller's scope, and a credit code not registered for another unit. Errors come back keyed by
// the request's own field names, each message naming the field in Chinese.
public sealed class UnitValidation(GridDbContext db, CodeBook codes, UnitPlaces places, TimeProvider clock)
{
    static readonly Dictionary<string, string> Keys = new()
    {
        [UnitCheck.Kind] = "kind", [UnitCheck.Name] = "name", [UnitCheck.CreditCode] = "creditCode", [UnitCheck.Category] = "category",
        [UnitCheck.AddressId] = "addressId", [UnitCheck.Address] = "address", [UnitCheck.Community] = "community", [UnitCheck.GridCode] = "gridCode",
        [UnitCheck.Phone] = "phone", [UnitCheck.Employees] = "employees", [UnitCheck.LegalRepName] = "legalRepName",
        [UnitCheck.LegalRepIdType] = "legalRepIdType", [UnitCheck.LegalRepIdNumber] = "legalRepIdNumber", [UnitCheck.LegalRepPhone] = "legalRepPhone",
        [UnitCheck.SecurityName] = "securityName", [UnitCheck.SecurityPhone] = "securityPhone", [UnitCheck.HazardType] = "hazardType",
        [UnitCheck.Attention] = "attention", [UnitCheck.PartyMembers] = "partyMembers", [UnitCheck.Fields] = "fields",
    };

    public async Task<Result<(UnitDraft Draft, AddressMatch Place)>> CheckAsync(SaveUnitRequest r, long? id, CancellationToken ct)
    {
        var values = new Dictionary<string, string>
        {
            [UnitCheck.Kind] = r.Kind is not { } kind ? "" : Enum.IsDefined(kind) ? kind.ToString() : ((int)kind).ToString(),
            [UnitCheck.Name] = r.Name ?? "", [UnitCheck.CreditCode] = r.CreditCode ?? "", [UnitCheck.Category] = r.Category ?? "",
            [UnitCheck.Address] = r.Address ?? "", [UnitCheck.Community] = r.Community ?? "", [UnitCheck.GridCode] = r.GridCode?.ToString() ?? "",
            [UnitCheck.Phone] = r.Phone ?? "", [UnitCheck.Employees] = r.Employees?.ToString() ?? "", [UnitCheck.LegalRepName] = r.LegalRepName ?? "",
            [UnitCheck.LegalRepIdType] = r.LegalRepIdType ?? "", [UnitCheck.LegalRepIdNumber] = r.LegalRepIdNumber ?? "",
            [UnitCheck.LegalRepPhone] = r.LegalRepPhone ?? "", [UnitCheck.SecurityName] = r.SecurityName ?? "", [UnitCheck.SecurityPhone] = r.SecurityPhone ?? "",
            [UnitCheck.Hazardous] = r.Hazardous ? "是" : "否", [UnitCheck.HazardType] = r.HazardType ?? "", [UnitCheck.Attention] = r.Attention ?? "",
            [UnitCheck.HasPartyOrg] = r.HasPartyOrg ? "是" : "否", [UnitCheck.PartyMembers] = r.PartyMembers?.ToString() ?? "",
        };
        if (r.Employees < 0) values[UnitCheck.Employees] = r.Employees.Value.ToString();
        var today = Infrastructure.ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);
        var (draft, problems) = UnitCheck.Check(f => ImportCleaning.Value(values.GetValueOrDefault(f)), r.Fields, r.AddressId, codes, today);
        AddressMatch? place = null;
        if (!problems.Any(p => p.Field == UnitCheck.Kind))
        {
            place = (await places.MatchAsync(db, [draft], null, ct))[draft];
            if (place.Error is not null && !problems.Any(p => p.Field == place.Field)) problems.Add(new(place.Field!, place.Error));
        }
        if (draft.CreditCode is { } code && !problems.Any(p => p.Field == UnitCheck.CreditCode))
        {
            // Unscoped on purpose: a code is unique city-wide, but a unit outside the caller's area is not named.
            var other = await db.Set<Unit>().IgnoreQueryFilters().AsNoTracking().Where(u => u.CreditCode == code && u.Id != (id ?? 0))
                .Select(u => new { u.Name, u.GridCode }).FirstOrDefaultAsync(ct);
            if (other is not null)
                problems.Add(new(UnitCheck.CreditCode, db.Scope.Contains(other.GridCode)
                    ? $"该统一社会信用代码已登记为“{other.Name}”" : "该统一社会信用代码已在其他辖区登记，请联系该单位所在社区"));
        }
        if (problems.Count > 0)
            return Result<(UnitDraft, AddressMatch)>.Invalid(problems.GroupBy(p => Keys.GetValueOrDefault(p.Field, p.Field))
                .ToDictionary(g => g.Key, g => g.Select(p => Named(p.Field, p.Reason)).ToArray()));
        return Result<(UnitDraft, AddressMatch)>.Ok((draft, place!));
    }

    // “该统一社会信用代码已登记…” names its field already; “必填” becomes “单位名称：必填”.
    static string Named(string field, string reason) => reason.Contains(field, StringComparison.Ordinal) ? reason : $"{field}：{reason}";
}
