using GridGov.Features.Organization;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets.Dispatching;

public sealed record DispatchRuleDto(int Id, int Order, string Name, bool Enabled, long AreaCode, string? AreaName, string? CategoryCode,
    string? Keywords, TicketSource? Source, int? FromHour, int? ToHour, long DepartmentId, string? DepartmentName);

public sealed record SaveDispatchRule(int? Order, string? Name, bool? Enabled, long? AreaCode, string? CategoryCode, string? Keywords,
    TicketSource? Source, int? FromHour, int? ToHour, long? DepartmentId);

// GET    /api/v1/tickets/dispatch-rules          the rules of the caller's area, in order
// POST   /api/v1/tickets/dispatch-rules          add one
// PUT    /api/v1/tickets/dispatch-rules/{id}     change one
// DELETE /api/v1/tickets/dispatch-rules/{id}
static class DispatchRuleEndpoints
{
    public static void MapDispatchRuleEndpoints(this RouteGroupBuilder tickets)
    {
        var g = tickets.MapGroup("/dispatch-rules").RequireAuthorization(Permissions.TicketsConfigure);
        g.MapGet("/", async (GridDbContext db, CancellationToken ct) => TypedResults.Ok(await ListAsync(db, ct)));
        g.MapPost("/", async Task<Results<Created<DispatchRuleDto>, ValidationProblem>> ([FromBody] SaveDispatchRule r, GridDbContext db, Categories.CategoryCatalog categories, CancellationToken ct) =>
            await SaveAsync(db, categories, null, r, ct) switch
            {
                { Rule: { } rule } => TypedResults.Created($"/api/v1/tickets/dispatch-rules/{rule.Id}", rule),
                var o => GridGov.Infrastructure.Invalid.Problem(o.Errors),
            });
        g.MapPut("/{id:int}", async Task<Results<Ok<DispatchRuleDto>, NotFound, ValidationProblem>> (int id, [FromBody] SaveDispatchRule r, GridDbContext db, Categories.CategoryCatalog categories, CancellationToken ct) =>
            await SaveAsync(db, categories, id, r, ct) switch
            {
                { NotFound: true } => TypedResults.NotFound(),
                { Rule: { } rule } => TypedResults.Ok(rule),
                var o => GridGov.Infrastructure.Invalid.Problem(o.Errors),
            });
        g.MapDelete("/{id:int}", async Task<Results<NoContent, NotFound>> (int id, GridDbContext db, CancellationToken ct) =>
        {
            if (await db.DispatchRules.FirstOrDefaultAsync(x => x.Id == id, ct) is not { } rule) return TypedResults.NotFound();
            db.DispatchRules.Remove(rule);
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        });
    }

    public sealed record Saved(DispatchRuleDto? Rule, Dictionary<string, string[]> Errors, bool NotFound = false);

    // Add (id null) or change a rule; used by the API and the settings page alike.
    public static async Task<Saved> SaveAsync(GridDbContext db, Categories.CategoryCatalog categories, int? id, SaveDispatchRule r, CancellationToken ct = default)
    {
        var rule = id is { } existing ? await db.DispatchRules.FirstOrDefaultAsync(x => x.Id == existing, ct) : new DispatchRule { Name = "" };
        if (rule is null) return new(null, [], NotFound: true);
        if (await ApplyAsync(rule, r, db, categories, ct) is { Count: > 0 } errors) return new(null, errors);
        if (id is null) db.DispatchRules.Add(rule);
        await db.SaveChangesAsync(ct);
        return new((await ListAsync(db, ct)).Single(x => x.Id == rule.Id), []);
    }

    public static async Task<List<DispatchRuleDto>> ListAsync(GridDbContext db, CancellationToken ct)
    {
        var rules = await db.DispatchRules.AsNoTracking().OrderBy(r => r.Order).ThenBy(r => r.Id)
            .Select(r => new
            {
                Rule = r,
                AreaName = db.Set<Organization.OrgUnit>().Where(u => u.Code == r.AreaCode).Select(u => u.Name).FirstOrDefault(),
            }).ToListAsync(ct);
        // Department names in a query of their own: IgnoreQueryFilters inside the query above would
        // lift the scope filter from the rules too (it applies to the whole query, efcore#13668).
        var ids = rules.Select(x => x.Rule.DepartmentId).Distinct().ToList();
        var departments = await db.Departments.IgnoreQueryFilters([GridDbContext.DataScopeFilter]).AsNoTracking()
            .Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return [.. rules.Select(x => new DispatchRuleDto(x.Rule.Id, x.Rule.Order, x.Rule.Name, x.Rule.Enabled, x.Rule.AreaCode, x.AreaName,
            x.Rule.CategoryCode, x.Rule.Keywords, x.Rule.Source, x.Rule.FromHour, x.Rule.ToHour, x.Rule.DepartmentId, departments.GetValueOrDefault(x.Rule.DepartmentId)))];
    }

    static async Task<Dictionary<string, string[]>> ApplyAsync(DispatchRule rule, SaveDispatchRule r, GridDbContext db, Categories.CategoryCatalog categories, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        var name = r.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100) e["name"] = ["请填写规则名称（不超过 100 字）"];
        if (r.AreaCode is not { } area) e["areaCode"] = ["请选择规则适用的区域"];
        else if (!await db.OrgUnits.AnyAsync(u => u.Code == area, ct)) e["areaCode"] = [$"区域 {area} 不存在或不在您的管理范围内"];
        if (r.DepartmentId is not { } dep) e["departmentId"] = ["请选择派往的部门"];
        else if (!await db.Departments.AnyAsync(d => d.Id == dep, ct)) e["departmentId"] = [$"部门 {dep} 不存在或不在您的管理范围内"];
        var code = string.IsNullOrWhiteSpace(r.CategoryCode) ? null : r.CategoryCode.Trim().ToUpperInvariant();
        if (code is not null && categories.Find(code) is null) e["categoryCode"] = [$"事件分类“{code}”不存在"];
        if (r.Keywords?.Length > 300) e["keywords"] = ["关键词不能超过 300 字"];
        if (r.FromHour is < 0 or > 23 || r.ToHour is < 0 or > 24 || (r.FromHour is null) != (r.ToHour is null))
            e["fromHour"] = ["时段须同时填写开始和结束（0–24 点）"];
        if (e.Count > 0) return e;
        (rule.Order, rule.Name, rule.Enabled, rule.AreaCode, rule.GridCode) = (r.Order ?? rule.Order, name, r.Enabled ?? true, r.AreaCode!.Value, OrgCode.Pad(r.AreaCode.Value));
        (rule.CategoryCode, rule.Keywords, rule.Source, rule.FromHour, rule.ToHour, rule.DepartmentId) =
            (code, string.IsNullOrWhiteSpace(r.Keywords) ? null : r.Keywords.Trim(), r.Source, r.FromHour, r.ToHour, r.DepartmentId!.Value);
        return e;
    }

}
