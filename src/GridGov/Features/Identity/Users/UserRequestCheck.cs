using GridGov.Features.Organization;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Identity.Users;

// What creating and changing an account share: the unit (and any custom scope units) must be inside
// the caller's own scope, and nobody hands out an administrative permission or a wider scope than
// they hold.
public sealed class UserRequestCheck(GridDbContext db, RoleManager<AppRole> roles, CurrentUser caller, AccountGuard guard)
{
    public async Task<Dictionary<string, string[]>> ValidateAsync(SaveUserRequest r, bool creating, CancellationToken ct)
    {
        var e = new Dictionary<string, List<string>>();
        void Add(string field, string message) => (e.TryGetValue(field, out var l) ? l : e[field] = []).Add(message);

        if (creating && string.IsNullOrWhiteSpace(r.UserName)) Add("userName", "请填写用户名");
        else if (creating && r.UserName!.Trim().Length > 50) Add("userName", "用户名不能超过 50 个字符");
        if (r.PhoneNumber?.Trim().Length > 20) Add("phoneNumber", "手机号不能超过 20 位");
        // Lists are counted before any of their items is looked at (one query per item otherwise).
        if (r.CustomScopeUnits?.Count > MaxScopeUnits) Add("customScopeUnits", $"自定义范围最多 {MaxScopeUnits} 个单位（提交了 {r.CustomScopeUnits.Count} 个）");
        if (r.Roles?.Count > MaxRoles) Add("roles", $"角色最多 {MaxRoles} 个（提交了 {r.Roles.Count} 个）");
        if (e.ContainsKey("customScopeUnits") || e.ContainsKey("roles")) return e.ToDictionary(x => x.Key, x => x.Value.ToArray());
        var displayName = CleanText.Line(r.DisplayName);
        if (string.IsNullOrWhiteSpace(displayName)) Add("displayName", "请填写姓名");
        else if (displayName.Trim().Length > 50) Add("displayName", "姓名不能超过 50 字");
        if (!await db.OrgUnits.AnyAsync(u => u.Code == r.OrgUnitCode, ct))
            Add("orgUnitCode", $"所属单位 {r.OrgUnitCode} 不存在或不在您的管理范围内");
        if (r.DepartmentId is { } departmentId)
        {
            var department = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == departmentId, ct);
            if (department is null) Add("departmentId", $"部门 {departmentId} 不存在或不在您的管理范围内");
            else if (department.OrgUnitCode != r.OrgUnitCode) Add("departmentId", $"部门“{department.Name}”不属于所选单位，请先选择该部门所在的单位");
        }
        if (r.DataScope is not { } kind || !Enum.IsDefined(kind)) Add("dataScope", "请选择数据范围");
        else if (kind == DataScopeKind.All && !caller.Scope.IsAll) Add("dataScope", "您不能授予“全部数据”范围");
        else if (!caller.Scope.Covers(kind, r.OrgUnitCode, r.CustomScopeUnits ?? []))
            Add("dataScope", $"您不能授予比自己更大的数据范围（您的范围：{DataScope.KindName(caller.Scope.Kind)}）");
        if (r.DataScope == DataScopeKind.Custom)
        {
            var units = (r.CustomScopeUnits ?? []).Distinct().ToList();
            if (units.Count == 0) Add("customScopeUnits", "自定义数据范围至少选择一个单位");
            var known = await db.OrgUnits.Where(x => units.Contains(x.Code)).Select(x => x.Code).ToListAsync(ct);
            foreach (var u in units.Except(known)) Add("customScopeUnits", $"单位 {u} 不存在或不在您的管理范围内");
        }
        foreach (var name in (r.Roles ?? []).Distinct())
        {
            var role = await roles.FindByNameAsync(name);
            if (role is null) { Add("roles", $"角色“{name}”不存在"); continue; }
            var beyond = await guard.AdministrativeBeyondCallerAsync(name);
            if (beyond.Count > 0) Add("roles", $"角色“{role.DisplayName}”包含您没有的管理权限：{string.Join("、", beyond.Select(p => Permissions.All.GetValueOrDefault(p, p)))}");
        }
        return e.ToDictionary(x => x.Key, x => x.Value.ToArray());
    }

    public const int MaxScopeUnits = 100, MaxRoles = 20;

    public static void Apply(AppUser user, SaveUserRequest r)
    {
        user.DisplayName = CleanText.Line(r.DisplayName!).Trim();
        user.PhoneNumber = string.IsNullOrWhiteSpace(r.PhoneNumber) ? null : CleanText.Line(r.PhoneNumber).Trim();
        user.OrgUnitCode = r.OrgUnitCode;
        user.DepartmentId = r.DepartmentId;
        user.GridCode = OrgCode.Pad(r.OrgUnitCode);
        user.DataScope = r.DataScope!.Value;
        user.CustomScopeUnits = r.DataScope == DataScopeKind.Custom ? string.Join(",", r.CustomScopeUnits ?? []) : null;
    }

    // Identity's own refusals (a taken name, a weak password) under the field they concern.
    public static Dictionary<string, string[]> Errors(IdentityResult result) => new()
    {
        [result.Errors.Any(x => x.Code.StartsWith("Password")) ? "password" : "userName"] = result.Errors.Select(x => x.Description).ToArray(),
    };
}
