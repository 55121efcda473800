using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Organization;

// The tops of what the caller sees: units whose parent is not visible to them.
public sealed class ListOrgRoots(GridDbContext db)
{
    public async Task<Result<List<OrgUnitDto>>> HandleAsync(CancellationToken ct = default) =>
        Result<List<OrgUnitDto>>.Ok((await OrgUnitRows.Project(db, db.OrgUnits
                .Where(u => u.ParentCode == null || !db.Set<OrgUnit>().Any(p => p.Code == u.ParentCode))
                .OrderBy(u => u.Code)).ToListAsync(ct))
            .Select(OrgUnitRows.Named).ToList());
}
