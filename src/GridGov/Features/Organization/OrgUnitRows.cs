using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Organization;

// The one projection of a unit for the tree's use cases; through the scoped context, so a unit
// outside the caller's scope is simply not found.
static class OrgUnitRows
{
    public static IQueryable<OrgUnitDto> Project(GridDbContext db, IQueryable<OrgUnit> units) =>
        units.Select(u => new OrgUnitDto(u.Code, u.Name, u.Level, "", u.ParentCode,
            db.Set<OrgUnit>().Count(c => c.ParentCode == u.Code), u.AreaKm2, u.LabelLon, u.LabelLat,
            u.Boundary != null, u.BoundaryGenerated));

    public static OrgUnitDto Named(OrgUnitDto d) => d with { LevelName = OrgCode.LevelName(d.Level) };

    public static async Task<OrgUnitDto?> FindAsync(GridDbContext db, long code, CancellationToken ct) =>
        (await Project(db, db.OrgUnits.Where(u => u.Code == code)).FirstOrDefaultAsync(ct)) is { } d ? Named(d) : null;
}
