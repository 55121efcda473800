using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Analytics.Warnings;

// 删除规则: the city only, and only a rule that has raised nothing — a rule with warnings is their
// history (and its evidence keys); it is disabled instead.
public sealed class DeleteWarningRule(GridDbContext db, CurrentUser user)
{
    public async Task<Result<Done>> HandleAsync(long id, CancellationToken ct = default)
    {
        if (WarningRuleAccess.Refuse<Done>(user) is { } no) return no;
        var rule = await db.WarningRules.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (rule is null) return Result<Done>.NotFound();
        // The caller sees the whole city (Refuse above), so this counts every warning of the rule.
        if (await db.Warnings.AnyAsync(w => w.RuleId == id, ct))
            return Result<Done>.Conflict("该规则已产生预警，不能删除；如不再需要，请停用", "不能删除");
        db.WarningRules.Remove(rule);
        await db.SaveChangesAsync(ct);
        return Result<Done>.Ok(Done.Value);
    }
}
