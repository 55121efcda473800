using GridGov.Features.Organization;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Identity.Users;

// The one projection of an account into what lists, details and saves answer, so that all of them
// show the same unit, department and roles.
static class UserRows
{
    public static IQueryable<UserDto> Project(GridDbContext db, IQueryable<AppUser> users) =>
        users.Select(u => new UserDto(u.Id, u.UserName!, u.DisplayName, u.PhoneNumber, u.OrgUnitCode,
            db.Set<OrgUnit>().Where(o => o.Code == u.OrgUnitCode).Select(o => o.Name).FirstOrDefault(),
            u.DepartmentId, db.Set<Department>().Where(d => d.Id == u.DepartmentId).Select(d => d.Name).FirstOrDefault(),
            u.DataScope, u.CustomScopeUnits, u.Disabled, u.LockoutEnd,
            u.CreatedAt, u.LastLoginAt,
            db.Set<Microsoft.AspNetCore.Identity.IdentityUserRole<long>>().Where(r => r.UserId == u.Id).Join(db.Set<AppRole>(), ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList()));

    // Through the scoped context: an account outside the caller's scope is not found.
    public static async Task<UserDto?> FindAsync(GridDbContext db, long id, CancellationToken ct) =>
        await Project(db, db.Users.AsNoTracking().Where(u => u.Id == id)).FirstOrDefaultAsync(ct) is { } u ? Finish(u) : null;

    public static UserDto Finish(UserDto u) => u with { Roles = u.Roles.Order().ToList() };
}
