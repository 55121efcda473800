using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets.Categories;

public sealed record CategoryDto(string Code, string? ParentCode, string Name, CategoryKind Kind, string? AcceptLimit, string? DispatchLimit,
    string? HandleLimit, string? VerifyLimit, bool Urgent, int RadiusMeters, string? DepartmentKind, bool Enabled);

public sealed record SaveCategory(string? Name, string? AcceptLimit, string? DispatchLimit, string? HandleLimit, string? VerifyLimit,
    bool? Urgent, int? RadiusMeters, string? DepartmentKind, bool? Enabled);

// GET /api/v1/tickets/categories          the dictionary (everyone who works with tickets)
// PUT /api/v1/tickets/categories/{code}   change a class; tickets already reported keep their deadlines
static class CategoryEndpoints
{
    public static void MapCategoryEndpoints(this RouteGroupBuilder tickets)
    {
        tickets.MapGet("/categories", (CategoryCatalog catalog) => TypedResults.Ok(catalog.All.Select(ToDto).ToList()));
        tickets.MapPut("/categories/{code}", async Task<Results<Ok<CategoryDto>, NotFound, ValidationProblem>> (string code, [FromBody] SaveCategory r, GridDbContext db, CategoryCatalog catalog, CancellationToken ct) =>
            await SaveAsync(db, catalog, code, r, ct) switch
            {
                { NotFound: true } => TypedResults.NotFound(),
                { Category: { } c } => TypedResults.Ok(c),
                var o => GridGov.Infrastructure.Invalid.Problem(o.Errors),
            }).RequireAuthorization(Permissions.TicketsConfigure);
    }

    public sealed record Saved(CategoryDto? Category, Dictionary<string, string[]> Errors, bool NotFound = false);

    // Change a class; tickets already reported keep the limits they were given.
    public static async Task<Saved> SaveAsync(GridDbContext db, CategoryCatalog catalog, string code, SaveCategory r, CancellationToken ct = default)
    {
        var c = await db.TicketCategories.FirstOrDefaultAsync(x => x.Code == code.ToUpper(), ct);
        if (c is null) return new(null, [], NotFound: true);
        var e = new Dictionary<string, string[]>();
        var name = r.Name?.Trim() ?? c.Name;
        if (name.Length is 0 or > 50) e["name"] = ["名称须为 1–50 字"];
        string? Limit(string field, string? value, string? current)
        {
            if (!c.IsMinor || value is null) return current;
            if (Categories.Limit.TryParse(value.Trim(), out var l)) return l.ToString();
            e[field] = [$"时限“{value}”格式不对：应为数字加 h（工作小时）或 d（工作日），如 2h、3d"];
            return current;
        }
        var limits = (Limit("acceptLimit", r.AcceptLimit, c.AcceptLimit), Limit("dispatchLimit", r.DispatchLimit, c.DispatchLimit),
            Limit("handleLimit", r.HandleLimit, c.HandleLimit), Limit("verifyLimit", r.VerifyLimit, c.VerifyLimit));
        if (r.RadiusMeters is < 1 or > 5000) e["radiusMeters"] = ["重复判定半径须在 1–5000 米之间"];
        if (r.DepartmentKind is { } k && !CategoryFile.DepartmentKinds.Contains(k)) e["departmentKind"] = [$"部门类别“{k}”不存在"];
        if (e.Count > 0) return new(null, e);
        c.Name = name;
        (c.AcceptLimit, c.DispatchLimit, c.HandleLimit, c.VerifyLimit) = limits;
        c.Urgent = r.Urgent ?? c.Urgent;
        c.RadiusMeters = r.RadiusMeters ?? c.RadiusMeters;
        c.DepartmentKind = r.DepartmentKind ?? c.DepartmentKind;
        c.Enabled = r.Enabled ?? c.Enabled;
        await db.SaveChangesAsync(ct);
        await catalog.LoadAsync(ct);
        return new(ToDto(c), []);
    }

    public static CategoryDto ToDto(TicketCategory c) => new(c.Code, c.ParentCode, c.Name, c.Kind, c.AcceptLimit, c.DispatchLimit,
        c.HandleLimit, c.VerifyLimit, c.Urgent, c.RadiusMeters, c.DepartmentKind, c.Enabled);
}
