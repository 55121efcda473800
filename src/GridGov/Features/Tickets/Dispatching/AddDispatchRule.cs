using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Tickets.Dispatching;

public sealed class AddDispatchRule(GridDbContext db, Categories.CategoryCatalog categories, ListDispatchRules list)
{
    public async Task<Result<DispatchRuleDto>> HandleAsync(SaveDispatchRule r, CancellationToken ct = default)
    {
        var rule = new DispatchRule { Name = "" };
        if (await DispatchRuleForm.ApplyAsync(rule, r, db, categories, ct) is { Count: > 0 } errors) return Result<DispatchRuleDto>.Invalid(errors);
        db.DispatchRules.Add(rule);
        await db.SaveChangesAsync(ct);
        return Result<DispatchRuleDto>.Created((await list.ListAsync(ct)).Single(x => x.Id == rule.Id), $"/api/v1/tickets/dispatch-rules/{rule.Id}");
    }
}
