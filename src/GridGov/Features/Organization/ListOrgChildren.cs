using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Organization;

// A unit's children with their own child counts (the tree loads one level at a time).
public sealed class ListOrgChildren(GridDbContext db)
{
    public async Task<Result<List<OrgUnitDto>>> HandleAsync(long code, CancellationToken ct = default)
    {
        // An invisible unit is not found, rather than a unit without children.
        if (!await db.OrgUnits.AnyAsync(u => u.Code == code, ct)) return Result<List<OrgUnitDto>>.NotFound();
        return Result<List<OrgUnitDto>>.Ok((await OrgUnitRows.Project(db, db.OrgUnits.Where(u => u.ParentCode == code).OrderBy(u => u.Code)).ToListAsync(ct))
            .Select(OrgUnitRows.Named).ToList());
    }
}
