using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Analytics.Warnings;

// The rules (a city-wide setting every analyst may read), each with how many warnings of the caller's
// area it has raised.
public sealed class ListWarningRules(GridDbContext db, WarningRuleForm form)
{
    public async Task<Result<List<WarningRuleDto>>> HandleAsync(CancellationToken ct = default)
    {
        var rules = await db.WarningRules.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);
        var counts = await db.Warnings.GroupBy(w => w.RuleId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var list = new List<WarningRuleDto>();
        foreach (var r in rules) list.Add(await form.DtoAsync(r, counts.GetValueOrDefault(r.Id), ct));
        return Result<List<WarningRuleDto>>.Ok(list);
    }
}
