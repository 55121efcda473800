using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Export;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Identity.Users;

// "导出 Excel" of the user list: every account of the list's filter (all pages, in the caller's scope).
// No secrets: the columns are what the list shows.
public sealed class ExportUsers(ListUsers list, XlsxExport export, GridDbContext db)
{
    public async Task<IResult> HandleAsync(UserQuery q, CancellationToken ct = default)
    {
        if (ListUsers.CheckQuery(q) is { } bad) return ResultHttp.Invalid(bad);
        var roles = await db.Set<AppRole>().AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.DisplayName, ct);
        var rows = UserRows.Project(db, ListUsers.Ordered(list.Filter(q), q.Sort)).AsEnumerable().Select(UserRows.Finish);
        XlsxColumn<UserDto>[] columns =
        [
            new("用户名", u => u.UserName, 16),
            new("姓名", u => u.DisplayName, 12),
            new("手机号", u => u.PhoneNumber, 14),
            new("所属单位", u => u.OrgUnitName, 24),
            new("部门", u => u.DepartmentName, 20),
            new("角色", u => string.Join("、", u.Roles.Select(r => roles.GetValueOrDefault(r) ?? r)), 28),
            new("数据范围", u => DataScope.KindName(u.DataScope), 14),
            new("状态", u => u.Disabled ? "已停用" : u.LockedOut ? "已锁定" : "正常", 8),
            new("最后登录", u => u.LastLoginAt is null ? "" : ChinaTime.Format(u.LastLoginAt), 20),
            new("创建时间", u => ChinaTime.Format(u.CreatedAt), 20),
        ];
        var filter = string.Join("；", new[] { q.Unit is { } unit ? $"单位：{unit}" : null, string.IsNullOrWhiteSpace(q.Keyword) ? null : $"关键词：{q.Keyword}",
            q.Sort switch { null => null, "userName" => "排序：账号", "-userName" => "排序：账号（倒序）", "lastLoginAt" => "排序：最近登录", "-lastLoginAt" => "排序：最近登录（倒序）", var s => $"排序：{s}" } }.OfType<string>());
        return await export.FileAsync(rows, columns, nameof(AppUser), "用户", filter, ct);
    }
}
