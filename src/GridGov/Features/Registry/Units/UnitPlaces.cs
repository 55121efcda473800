using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Units;

// Where a unit is: the standard address chosen by id (in the caller's scope), or the one its text
// names (matched as people's addresses are, by AddressMatcher), or — a unit whose address is not yet
// a standard address — the grid given by code. The grid code comes from the address when there is one.
public sealed class UnitPlaces(AddressMatcher matcher)
{
    public async Task<Dictionary<UnitDraft, AddressMatch>> MatchAsync(GridDbContext db, IReadOnlyList<UnitDraft> drafts, AddressCache? seen, CancellationToken ct)
    {
        var result = new Dictionary<UnitDraft, AddressMatch>(ReferenceEqualityComparer.Instance);
        var byId = drafts.Where(d => d.AddressId is not null).ToList();
        if (byId.Count > 0)
        {
            var ids = byId.Select(d => d.AddressId!.Value).Distinct().ToList();
            var found = await db.Set<Address>().AsNoTracking().Where(a => ids.Contains(a.Id) && a.State != VerificationState.Removed)
                .Select(a => new { a.Id, a.FullName, a.GridCode }).ToDictionaryAsync(a => a.Id, ct);
            foreach (var d in byId)
                result[d] = found.TryGetValue(d.AddressId!.Value, out var a) ? new(a.Id, a.GridCode, a.FullName)
                    : new(null, 0, null, UnitCheck.AddressId, "标准地址不存在或不在您的数据范围内");
        }
        var byText = drafts.Where(d => d.AddressId is null).ToList();
        if (byText.Count == 0) return result;
        var asPeople = new Dictionary<UnitDraft, PersonDraft>(ReferenceEqualityComparer.Instance);
        foreach (var d in byText)
            asPeople[d] = new("", d.Name, null, "0", null, null, null, null, null, null, null, null, null, null, null, default, d.Address, d.Community, d.GridCode);
        var matches = await matcher.MatchAsync(db, [.. asPeople.Values], seen, ct);
        foreach (var d in byText)
        {
            var m = matches[asPeople[d]];
            result[d] = m.Field is null ? m : m with
            {
                Field = m.Field switch { PersonCheck.Community => UnitCheck.Community, PersonCheck.GridCode => UnitCheck.GridCode, _ => UnitCheck.Address },
                Error = m.Error!.Replace("必填（或填写网格编码）", "单位地址和网格编码至少填写一项"),
            };
        }
        return result;
    }
}
