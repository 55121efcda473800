using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Analytics.Warnings;

// 编辑规则 (or 启用/停用): the city only; carries the version read, so a change meanwhile is not overwritten.
// Warnings already raised keep the rule's name and words of their time.
public sealed class ChangeWarningRule(GridDbContext db, CurrentUser user, WarningRuleForm form, TimeProvider time)
{
    public async Task<Result<WarningRuleDto>> HandleAsync(long id, SaveWarningRule r, CancellationToken ct = default)
    {
        if (WarningRuleAccess.Refuse<WarningRuleDto>(user) is { } no) return no;
        var rule = await db.WarningRules.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (rule is null) return Result<WarningRuleDto>.NotFound();
        if (r.Version is not { } v) return Result<WarningRuleDto>.Invalid("version", "缺少规则版本号");
        if (v != rule.Version)
            return Result<WarningRuleDto>.Conflict("该规则已被他人修改，请刷新后重试", extensions: new Dictionary<string, object?> { ["version"] = rule.Version });
        var errors = await form.CheckAsync(r, id, rule, ct);
        if (errors.Count > 0) return Result<WarningRuleDto>.Invalid(errors);
        rule.UpdatedAt = time.GetUtcNow().UtcDateTime;
        rule.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<WarningRuleDto>.Conflict("该规则已被他人修改，请刷新后重试");
        }
        return Result<WarningRuleDto>.Ok(await form.DtoAsync(rule, await db.Warnings.CountAsync(w => w.RuleId == id, ct), ct));
    }
}
