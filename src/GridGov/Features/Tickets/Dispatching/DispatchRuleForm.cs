using GridGov.Features.Organization;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets.Dispatching;

public sealed record SaveDispatchRule(int? Order, string? Name, bool? Enabled, long? AreaCode, string? CategoryCode, string? Keywords,
    TicketSource? Source, int? FromHour, int? ToHour, long? DepartmentId);

// What adding and changing a rule check alike; the rule is changed only when all is well.
static class DispatchRuleForm
{
    public static async Task<Dictionary<string, string[]>> ApplyAsync(DispatchRule rule, SaveDispatchRule r, GridDbContext db, Categories.CategoryCatalog categories, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        var name = CleanText.Line(r.Name)?.Trim() ?? "";
        var keywords = CleanText.Line(r.Keywords);
        if (name.Length is 0 or > 100) e["name"] = ["请填写规则名称（不超过 100 字）"];
        if (r.AreaCode is not { } area) e["areaCode"] = ["请选择规则适用的区域"];
        else if (!await db.OrgUnits.AnyAsync(u => u.Code == area, ct)) e["areaCode"] = [$"区域 {area} 不存在或不在您的管理范围内"];
        if (r.DepartmentId is not { } dep) e["departmentId"] = ["请选择派往的部门"];
        else if (!await db.Departments.AnyAsync(d => d.Id == dep, ct)) e["departmentId"] = [$"部门 {dep} 不存在或不在您的管理范围内"];
        var code = string.IsNullOrWhiteSpace(r.CategoryCode) ? null : r.CategoryCode.Trim().ToUpperInvariant();
        if (code is not null && categories.Find(code) is null) e["categoryCode"] = [$"事件分类“{code}”不存在"];
        if (keywords?.Length > 300) e["keywords"] = ["关键词不能超过 300 字"];
        if (r.FromHour is < 0 or > 23 || r.ToHour is < 0 or > 24 || (r.FromHour is null) != (r.ToHour is null))
            e["fromHour"] = ["时段须同时填写开始和结束（0–24 点）"];
        if (e.Count > 0) return e;
        (rule.Order, rule.Name, rule.Enabled, rule.AreaCode, rule.GridCode) = (r.Order ?? rule.Order, name, r.Enabled ?? true, r.AreaCode!.Value, OrgCode.Pad(r.AreaCode.Value));
        (rule.CategoryCode, rule.Keywords, rule.Source, rule.FromHour, rule.ToHour, rule.DepartmentId) =
            (code, string.IsNullOrWhiteSpace(keywords) ? null : keywords.Trim(), r.Source, r.FromHour, r.ToHour, r.DepartmentId!.Value);
        return e;
    }
}
