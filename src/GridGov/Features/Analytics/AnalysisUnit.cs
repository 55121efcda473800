using GridGov.Features.Organization;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Places;
using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Analytics;

// The unit an analysis is about: the caller's own unless told. The rollups carry no scope of their
// own, so a unit opens only when the caller sees all of it (DataScope.SeesAllOf); otherwise, or when
// it does not exist, null (404).
public sealed record AnalysisUnit(long Code, string Name, OrgLevel Level)
{
    public string LevelName => OrgCode.LevelName(Level);
}

public sealed class AnalysisUnits(GridDbContext db, CurrentUser user, Places places)
{
    public async Task<AnalysisUnit?> FindAsync(long? unit, CancellationToken ct)
    {
        var code = unit ?? (user.UnitCode > 0 ? user.UnitCode
            : user.Scope.IsAll ? await db.OrgUnits.Where(u => u.ParentCode == null).OrderBy(u => u.Code).Select(u => u.Code).FirstOrDefaultAsync(ct) : 0);
        if (code <= 0 || !user.Scope.SeesAllOf(code) || OrgCode.LevelOf(code) is not { } level) return null;
        if (!await db.OrgUnits.AnyAsync(u => u.Code == code, ct)) return null;
        return new(code, await places.NameAsync(code, ct) ?? code.ToString(), level);
    }

    // The unit's children (their own codes, as the tallies key them) with their names, in code order.
    public async Task<List<(long Code, string Name)>> ChildrenAsync(long code, CancellationToken ct) =>
        (await db.OrgUnits.Where(u => u.ParentCode == code).OrderBy(u => u.Code).Select(u => new { u.Code, u.Name }).ToListAsync(ct))
            .Select(u => (u.Code, u.Name)).ToList();
}
