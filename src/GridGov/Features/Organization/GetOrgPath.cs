using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Organization;

// The parents from the top of the caller's view down to the unit (breadcrumbs, opening the tree).
public sealed class GetOrgPath(GridDbContext db)
{
    public async Task<Result<List<OrgUnitDto>>> HandleAsync(long code, CancellationToken ct = default)
    {
        var path = new List<OrgUnitDto>();
        for (long? c = code; c is { } current && await OrgUnitRows.FindAsync(db, current, ct) is { } unit; c = unit.ParentCode)
            path.Insert(0, unit);
        return path.Count > 0 ? Result<List<OrgUnitDto>>.Ok(path) : Result<List<OrgUnitDto>>.NotFound();
    }
}
