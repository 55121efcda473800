using GridGov.Features.Organization;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets.Dispatching;

public sealed record DispatchRuleDto(int Id, int Order, string Name, bool Enabled, long AreaCode, string? AreaName, string? CategoryCode,
    string? Keywords, TicketSource? Source, int? FromHour, int? ToHour, long DepartmentId, string? DepartmentName);

// The rules of the caller's area, in the order they are tried.
public sealed class ListDispatchRules(GridDbContext db)
{
    public async Task<Result<List<DispatchRuleDto>>> HandleAsync(CancellationToken ct = default) => Result<List<DispatchRuleDto>>.Ok(await ListAsync(ct));

    internal async Task<List<DispatchRuleDto>> ListAsync(CancellationToken ct)
    {
        var rules = await db.DispatchRules.AsNoTracking().OrderBy(r => r.Order).ThenBy(r => r.Id)
            .Select(r => new
            {
                Rule = r,
                AreaName = db.Set<OrgUnit>().Where(u => u.Code == r.AreaCode).Select(u => u.Name).FirstOrDefault(),
            }).ToListAsync(ct);
        // Department names in a query of their own: IgnoreQueryFilters inside the query above would
        // lift the scope filter from the rules too (it applies to the whole query, efcore#13668).
        var ids = rules.Select(x => x.Rule.DepartmentId).Distinct().ToList();
        var departments = await db.Departments.IgnoreQueryFilters([GridDbContext.DataScopeFilter]).AsNoTracking()
            .Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return [.. rules.Select(x => new DispatchRuleDto(x.Rule.Id, x.Rule.Order, x.Rule.Name, x.Rule.Enabled, x.Rule.AreaCode, x.AreaName,
            x.Rule.CategoryCode, x.Rule.Keywords, x.Rule.Source, x.Rule.FromHour, x.Rule.ToHour, x.Rule.DepartmentId, departments.GetValueOrDefault(x.Rule.DepartmentId)))];
    }
}
