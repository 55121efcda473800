using GridGov.Features.Organization;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Identity.Users;

public sealed record UserQuery(long? Unit = null, string? Keyword = null, int Page = 1, int PageSize = 20);

// Accounts the caller may see (the data-scope filter), optionally within one unit's subtree.
public static class ListUsers
{
    public static async Task<PagedResult<UserDto>> HandleAsync(GridDbContext db, UserQuery q, CancellationToken ct = default)
    {
        var users = db.Users.AsNoTracking();
        if (q.Unit is { } unit)
        {
            var (from, to) = OrgCode.Subtree(unit);
            users = users.Where(u => u.GridCode >= from && u.GridCode <= to);
        }
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            users = users.Where(u => u.UserName!.Contains(k) || u.DisplayName.Contains(k));
        }
        var size = Math.Clamp(q.PageSize, 1, 200);
        var page = Math.Clamp(q.Page, 1, int.MaxValue / size);
        var total = await users.CountAsync(ct);
        var items = await Project(db, users.OrderBy(u => u.GridCode).ThenBy(u => u.UserName).Skip((page - 1) * size).Take(size)).ToListAsync(ct);
        return new PagedResult<UserDto>(items.Select(Finish).ToList(), total, page, size);
    }

    public static async Task<UserDto?> GetAsync(GridDbContext db, long id, CancellationToken ct = default) =>
        await Project(db, db.Users.AsNoTracking().Where(u => u.Id == id)).FirstOrDefaultAsync(ct) is { } u ? Finish(u) : null;

    static IQueryable<UserDto> Project(GridDbContext db, IQueryable<AppUser> users) =>
        users.Select(u => new UserDto(u.Id, u.UserName!, u.DisplayName, u.PhoneNumber, u.OrgUnitCode,
            db.Set<OrgUnit>().Where(o => o.Code == u.OrgUnitCode).Select(o => o.Name).FirstOrDefault(),
            u.DepartmentId, db.Set<Department>().Where(d => d.Id == u.DepartmentId).Select(d => d.Name).FirstOrDefault(),
            u.DataScope, u.CustomScopeUnits, u.Disabled, u.LockoutEnd,
            u.CreatedAt, u.LastLoginAt,
            db.Set<Microsoft.AspNetCore.Identity.IdentityUserRole<long>>().Where(r => r.UserId == u.Id).Join(db.Set<AppRole>(), ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList()));

    static UserDto Finish(UserDto u) => u with { Roles = u.Roles.Order().ToList() };
}
