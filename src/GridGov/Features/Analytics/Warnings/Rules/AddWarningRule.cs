using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Analytics.Warnings;

// 新增规则: warnings.handle and a scope of the whole city (ADR 0009: rules watch every district).
public sealed class AddWarningRule(GridDbContext db, CurrentUser user, WarningRuleForm form, TimeProvider time)
{
    public async Task<Result<WarningRuleDto>> HandleAsync(SaveWarningRule r, CancellationToken ct = default)
    {
        if (WarningRuleAccess.Refuse<WarningRuleDto>(user) is { } no) return no;
        var now = time.GetUtcNow().UtcDateTime;
        var rule = new WarningRule { Name = "", CreatedAt = now, UpdatedAt = now };
        var errors = await form.CheckAsync(r, null, rule, ct);
        if (errors.Count > 0) return Result<WarningRuleDto>.Invalid(errors);
        db.WarningRules.Add(rule);
        await db.SaveChangesAsync(ct);
        return Result<WarningRuleDto>.Created(await form.DtoAsync(rule, 0, ct), $"/api/v1/analytics/warnings/rules/{rule.Id}");
    }
}

static class WarningRuleAccess
{
    public static Result<T>? Refuse<T>(CurrentUser user) =>
        !user.Has(Permissions.WarningsHandle) ? Result<T>.Forbidden("您没有“处置预警”权限") : CitySettings.Refuse<T>(user, "预警规则");
}
