using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Organization;

// The parents from the top of the caller's view down to the unit (breadcrumbs, opening the tree).
public sealed class GetOrgPath(GridDbContext db)
{
    public async Task<Result<List<OrgUnitDto>>> HandleAsync(long code, CancellationToken ct = default) =>
        await OrgQueries.PathAsync(db, code, ct) is { Count: > 0 } path ? Result<List<OrgUnitDto>>.Ok(path) : Result<List<OrgUnitDto>>.NotFound();
}
