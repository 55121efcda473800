using GridGov.Features.Organization;
using GridGov.Features.Tickets.Categories;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets.Dispatching;

// Ordered rules (DESIGN.md §5): the first rule whose conditions all hold for the ticket wins.
public sealed class DispatchRules(GridDbContext db, CategoryCatalog categories)
{
    public async Task<DispatchRule?> MatchAsync(Ticket t, DateTime nowUtc, CancellationToken ct = default)
    {
        // Every rule of the ticket's area applies, whoever accepts it: the rule belongs to the area.
        var rules = await db.DispatchRules.IgnoreQueryFilters([GridDbContext.DataScopeFilter]).AsNoTracking()
            .Where(r => r.Enabled).OrderBy(r => r.Order).ThenBy(r => r.Id).ToListAsync(ct);
        var code = categories.CodeOf(t.CategoryId);
        var hour = ChinaTime.FromUtc(nowUtc).Hour;
        return rules.FirstOrDefault(r => Matches(r, t, code, hour));
    }

    public static bool Matches(DispatchRule r, Ticket t, string categoryCode, int hour)
    {
        var (from, to) = OrgCode.Subtree(r.AreaCode);
        if (t.GridCode < from || t.GridCode > to) return false;
        if (r.CategoryCode is { Length: > 0 } c && !categoryCode.StartsWith(c, StringComparison.OrdinalIgnoreCase)) return false;
        if (r.Source is { } s && s != t.Source) return false;
        if (r.KeywordList is { Length: > 0 } words && !words.Any(w => t.Description.Contains(w, StringComparison.OrdinalIgnoreCase))) return false;
        if (r.FromHour is { } start && r.ToHour is { } end)
        {
            var inside = start <= end ? hour >= start && hour < end : hour >= start || hour < end;
            if (!inside) return false;
        }
        return true;
    }
}
