using GridGov.Features.Organization;
using GridGov.Features.Registry.Codes;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Text;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Units;

// 实有单位 in the caller's scope (the data-scope filter), a page at a time. A keyword that is a valid
// credit code finds that unit exactly (the code names an organisation, not a person: it may be in a
// URL); anything else matches the unit's name. The legal representative's number is masked.
public sealed class ListUnits(GridDbContext db, CodeBook codes, Places places)
{
    public async Task<Result<PagedResult<UnitRow>>> HandleAsync(UnitQuery q, CancellationToken ct = default)
    {
        var (page, size, bad) = Paging.Of(q.Page, q.PageSize, 20, 200);
        if (bad is not null) return Result<PagedResult<UnitRow>>.Invalid(bad);
        if (q.Kind is { } k && !Enum.IsDefined(k)) return Result<PagedResult<UnitRow>>.Invalid("kind", "单位类型不存在");
        var units = Filter(q);
        var total = await units.CountAsync(ct);
        var rows = await units.OrderBy(u => u.GridCode).ThenBy(u => u.Id).Skip((page - 1) * size).Take(size)
            .Select(u => new { u.Id, u.Name, u.Kind, u.CreditCode, u.AddressText, u.GridCode, u.LegalRepName, u.LegalRepIdMasked, u.Attention, u.HasPartyOrg, u.State })
            .ToListAsync(ct);
        var attention = codes[UnitStandard.AttentionTable];
        var items = new List<UnitRow>(rows.Count);
        foreach (var u in rows)
            items.Add(new(u.Id, u.Name, u.Kind, UnitNames.Kind(u.Kind), u.CreditCode, u.AddressText, u.GridCode, await places.NameAsync(u.GridCode, ct),
                u.LegalRepName, u.LegalRepIdMasked, u.Attention, attention.NameOf(u.Attention), u.HasPartyOrg, u.State, RegistryNames.State(u.State)));
        return Result<PagedResult<UnitRow>>.Ok(new(items, total, page, size));
    }

    internal IQueryable<Unit> Filter(UnitQuery q)
    {
        var units = db.Set<Unit>().AsNoTracking();
        if (q.Unit is { } unit)
        {
            var (from, to) = OrgCode.Subtree(unit);
            units = units.Where(u => u.GridCode >= from && u.GridCode <= to);
        }
        if (q.Kind is { } kind) units = units.Where(u => u.Kind == kind);
        if (q.State is { } s) units = units.Where(u => u.State == s);
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            if (CreditCodes.Check(k) is { Code: { } code }) units = units.Where(u => u.CreditCode == code);
            else units = units.Where(u => u.Name.Contains(k));
        }
        return units;
    }
}
