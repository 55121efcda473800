using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Identity.Users;

// One account; outside the caller's scope it does not exist.
public sealed class GetUser(GridDbContext db)
{
    public async Task<Result<UserDto>> HandleAsync(long id, CancellationToken ct = default) =>
        await UserRows.FindAsync(db, id, ct) is { } u ? Result<UserDto>.Ok(u) : Result<UserDto>.NotFound();
}
