using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.Text;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets.Categories;

public sealed record SaveCategory(string? Name, string? AcceptLimit, string? DispatchLimit, string? HandleLimit, string? VerifyLimit,
    bool? Urgent, int? RadiusMeters, string? DepartmentKind, bool? Enabled);

// Change a class; tickets already reported keep the limits they were given. Classes hold city-wide.
public sealed class ChangeCategory(GridDbContext db, CategoryCatalog catalog, CurrentUser caller)
{
    public async Task<Result<CategoryDto>> HandleAsync(string code, SaveCategory r, CancellationToken ct = default)
    {
        if (CitySettings.Refuse<CategoryDto>(caller, "事件分类") is { } refused) return refused;
        var c = await db.TicketCategories.FirstOrDefaultAsync(x => x.Code == code.ToUpper(), ct);
        if (c is null) return Result<CategoryDto>.NotFound();
        var e = new Dictionary<string, string[]>();
        var name = CleanText.Line(r.Name)?.Trim() ?? c.Name;
        if (name.Length is 0 or > 50) e["name"] = ["名称须为 1–50 字"];
        string? Limit(string field, string? value, string? current)
        {
            if (!c.IsMinor || value is null) return current;
            if (Categories.Limit.TryParse(value.Trim(), out var l)) return l.ToString();
            e[field] = [LimitError(value)];
            return current;
        }
        var limits = (Limit("acceptLimit", r.AcceptLimit, c.AcceptLimit), Limit("dispatchLimit", r.DispatchLimit, c.DispatchLimit),
            Limit("handleLimit", r.HandleLimit, c.HandleLimit), Limit("verifyLimit", r.VerifyLimit, c.VerifyLimit));
        if (r.RadiusMeters is < 1 or > 5000) e["radiusMeters"] = ["重复判定半径须在 1–5000 米之间"];
        if (r.DepartmentKind is { } k && !CategoryFile.DepartmentKinds.Contains(k)) e["departmentKind"] = [$"部门类别“{k}”不存在"];
        if (e.Count > 0) return Result<CategoryDto>.Invalid(e);
        c.Name = name;
        (c.AcceptLimit, c.DispatchLimit, c.HandleLimit, c.VerifyLimit) = limits;
        c.Urgent = r.Urgent ?? c.Urgent;
        c.RadiusMeters = r.RadiusMeters ?? c.RadiusMeters;
        c.DepartmentKind = r.DepartmentKind ?? c.DepartmentKind;
        c.Enabled = r.Enabled ?? c.Enabled;
        await db.SaveChangesAsync(ct);
        await catalog.LoadAsync(ct);
        return Result<CategoryDto>.Ok(ListCategories.ToDto(c));
    }

    static string LimitError(string value) =>
        $"时限“{CleanText.Line(value[..Math.Min(value.Length, 20)])}”格式不对：应为大于 0 的数字加 h（工作小时，不超过 {Categories.Limit.MaxHours}h）或 d（工作日，不超过 {Categories.Limit.MaxDays}d），如 2h、3d";
}
