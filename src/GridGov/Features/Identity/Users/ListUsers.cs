using GridGov.Features.Organization;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Identity.Users;

public sealed record UserQuery(long? Unit = null, string? Keyword = null, int Page = 1, int PageSize = 20);

// Accounts the caller may see (the data-scope filter), optionally within one unit's subtree.
public sealed class ListUsers(GridDbContext db)
{
    public async Task<Result<PagedResult<UserDto>>> HandleAsync(UserQuery q, CancellationToken ct = default)
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
        var (page, size, bad) = Paging.Of(q.Page, q.PageSize, 20, 200);
        if (bad is not null) return Result<PagedResult<UserDto>>.Invalid(bad);
        var total = await users.CountAsync(ct);
        var items = await UserRows.Project(db, users.OrderBy(u => u.GridCode).ThenBy(u => u.UserName).Skip((page - 1) * size).Take(size)).ToListAsync(ct);
        return Result<PagedResult<UserDto>>.Ok(new(items.Select(UserRows.Finish).ToList(), total, page, size));
    }
}
