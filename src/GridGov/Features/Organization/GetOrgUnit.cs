using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Organization;

// One unit with its child count; outside the caller's scope it is not found.
public sealed class GetOrgUnit(GridDbContext db)
{
    public async Task<Result<OrgUnitDto>> HandleAsync(long code, CancellationToken ct = default) =>
        await OrgUnitRows.FindAsync(db, code, ct) is { } unit ? Result<OrgUnitDto>.Ok(unit) : Result<OrgUnitDto>.NotFound();
}
