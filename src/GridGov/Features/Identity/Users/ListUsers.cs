using GridGov.Features.Organization;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Identity.Users;

public sealed record UserQuery(long? Unit = null, string? Keyword = null, int Page = 1, int PageSize = 20, string? Sort = null);

// Accounts the caller may see (the data-scope filter), optionally within one unit's subtree.
public sealed class ListUsers(GridDbContext db)
{
    // By unit (the default), user name or last sign-in; a minus sign is descending.
    public static readonly string[] Sorts = ["unit", "userName", "-userName", "lastLoginAt", "-lastLoginAt"];

    internal static Dictionary<string, string[]>? CheckQuery(UserQuery q) =>
        q.Sort is { } sort && !Sorts.Contains(sort) ? new() { ["sort"] = ["排序方式不存在，可选：用户名（userName）或最后登录（lastLoginAt），前加减号为倒序"] } : null;

    public async Task<Result<PagedResult<UserDto>>> HandleAsync(UserQuery q, CancellationToken ct = default)
    {
        var (page, size, bad) = Paging.Of(q.Page, q.PageSize, 20, 200);
        if (bad is not null || (bad = CheckQuery(q)) is not null) return Result<PagedResult<UserDto>>.Invalid(bad);
        var users = Filter(q);
        var total = await users.CountAsync(ct);
        var items = await UserRows.Project(db, Ordered(users, q.Sort).Skip((page - 1) * size).Take(size)).ToListAsync(ct);
        return Result<PagedResult<UserDto>>.Ok(new(items.Select(UserRows.Finish).ToList(), total, page, size));
    }

    // The list's filter, which its export shares.
    internal IQueryable<AppUser> Filter(UserQuery q)
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
        return users;
    }

    internal static IQueryable<AppUser> Ordered(IQueryable<AppUser> users, string? sort) => sort switch
    {
        "userName" => users.OrderBy(u => u.UserName),
        "-userName" => users.OrderByDescending(u => u.UserName),
        "lastLoginAt" => users.OrderBy(u => u.LastLoginAt).ThenBy(u => u.UserName),
        "-lastLoginAt" => users.OrderByDescending(u => u.LastLoginAt).ThenBy(u => u.UserName),
        _ => users.OrderBy(u => u.GridCode).ThenBy(u => u.UserName),
    };
}
