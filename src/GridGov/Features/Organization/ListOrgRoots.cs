using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Organization;

// The tops of what the caller sees: units whose parent is not visible to them.
public sealed class ListOrgRoots(GridDbContext db)
{
    public async Task<Result<List<OrgUnitDto>>> HandleAsync(CancellationToken ct = default) =>
        Result<List<OrgUnitDto>>.Ok(await OrgQueries.RootsAsync(db, ct));
}
