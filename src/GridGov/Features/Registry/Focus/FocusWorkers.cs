using GridGov.Features.Identity;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Focus;

// Who may be responsible for a subject: an enabled account in the caller's area (Identity's table under
// the same scope filter) that views the registry and whose own data scope contains the subject's grid —
// a worker who cannot see the grid cannot visit anyone in it.
public sealed class FocusWorkers(GridDbContext db)
{
    public async Task<Result<FocusWorker>> CheckAsync(long id, long gridCode, CancellationToken ct = default)
    {
        var u = await db.Users.AsNoTracking().Where(u => u.Id == id && !u.Disabled).FirstOrDefaultAsync(ct);
        if (u is null) return Result<FocusWorker>.Invalid("responsibleId", "责任网格员：该账号不存在、已停用或不在您的辖区内");
        if (!ScopeOf(u).Contains(gridCode))
            return Result<FocusWorker>.Invalid("responsibleId", $"责任网格员：{u.DisplayName}（{u.UserName}）的数据范围不包含该人员所在网格，不能作为责任人");
        if (!(await ViewersAsync([u.Id], ct)).Contains(u.Id))
            return Result<FocusWorker>.Invalid("responsibleId", $"责任网格员：{u.DisplayName}（{u.UserName}）没有查看基础信息的权限");
        return Result<FocusWorker>.Ok(new(u.Id, u.UserName ?? "", u.DisplayName));
    }

    // The accounts of the caller's area that could answer for subjects in this grid.
    public async Task<Result<List<FocusWorker>>> ForGridAsync(long gridCode, CancellationToken ct = default)
    {
        var community = OrgCode.Community(gridCode);
        var (from, to) = OrgCode.Subtree(community);
        // Candidates sit at the grid, its community, or above; accounts of other grids cannot see it.
        var users = await db.Users.AsNoTracking().Where(u => !u.Disabled && (u.GridCode == gridCode || u.GridCode < from || u.GridCode > to))
            .OrderByDescending(u => u.GridCode).ThenBy(u => u.UserName).Take(500).ToListAsync(ct);
        users = [.. users.Where(u => ScopeOf(u).Contains(gridCode))];
        var viewers = await ViewersAsync([.. users.Select(u => u.Id)], ct);
        return Result<List<FocusWorker>>.Ok([.. users.Where(u => viewers.Contains(u.Id)).Take(100).Select(u => new FocusWorker(u.Id, u.UserName ?? "", u.DisplayName))]);
    }

    // The workers responsible for subjects the caller sees: the list's filter.
    public async Task<List<FocusWorker>> InAreaAsync(CancellationToken ct = default) =>
        [.. (await db.Set<FocusSubject>().AsNoTracking().Where(s => s.ResponsibleId != null && s.ClosedOn == null)
                .Select(s => new { Id = s.ResponsibleId!.Value, s.ResponsibleName }).Distinct().ToListAsync(ct))
            .GroupBy(w => w.Id).Select(g => new FocusWorker(g.Key, "", g.First().ResponsibleName ?? "")).OrderBy(w => w.DisplayName)];

    // An account by its name, for imports ("责任网格员" column).
    public async Task<long?> IdByNameAsync(string userName, CancellationToken ct = default)
    {
        var normal = userName.Trim().ToUpperInvariant();
        return await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normal).Select(u => (long?)u.Id).FirstOrDefaultAsync(ct);
    }

    static DataScope ScopeOf(AppUser u) => new(u.DataScope, u.OrgUnitCode, u.Id, DataScope.ParseUnits(u.CustomScopeUnits));

    async Task<HashSet<long>> ViewersAsync(List<long> ids, CancellationToken ct) =>
        [.. await (from ur in db.Set<IdentityUserRole<long>>()
                   join rc in db.RoleClaims on ur.RoleId equals rc.RoleId
                   where ids.Contains(ur.UserId) && rc.ClaimType == Permissions.ClaimType && rc.ClaimValue == Permissions.RegistryView
                   select ur.UserId).Distinct().ToListAsync(ct)];
}
