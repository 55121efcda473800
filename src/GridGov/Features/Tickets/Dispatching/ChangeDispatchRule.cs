using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets.Dispatching;

// Change a rule, its place in the order included (a smaller Order is tried first).
public sealed class ChangeDispatchRule(GridDbContext db, Categories.CategoryCatalog categories, ListDispatchRules list)
{
    public async Task<Result<DispatchRuleDto>> HandleAsync(int id, SaveDispatchRule r, CancellationToken ct = default)
    {
        if (await db.DispatchRules.FirstOrDefaultAsync(x => x.Id == id, ct) is not { } rule) return Result<DispatchRuleDto>.NotFound();
        if (await DispatchRuleForm.ApplyAsync(rule, r, db, categories, ct) is { Count: > 0 } errors) return Result<DispatchRuleDto>.Invalid(errors);
        await db.SaveChangesAsync(ct);
        return Result<DispatchRuleDto>.Ok((await list.ListAsync(ct)).Single(x => x.Id == rule.Id));
    }
}
