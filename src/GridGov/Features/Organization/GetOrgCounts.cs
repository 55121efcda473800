using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Organization;

// How many districts, streets, communities and grids lie below a unit.
public sealed class GetOrgCounts(GridDbContext db)
{
    public async Task<Result<OrgCounts>> HandleAsync(long code, CancellationToken ct = default) =>
        await OrgQueries.CountsAsync(db, code, ct) is { } counts ? Result<OrgCounts>.Ok(counts) : Result<OrgCounts>.NotFound();
}
