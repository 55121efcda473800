using GridGov.Infrastructure.Places;
using GridGov.Infrastructure.Security;

namespace GridGov.Features.Panorama;

// The panorama shows a unit's whole subtree as one figure, so a caller may open a unit only when
// their data scope covers all of it: an account that sees "its unit only" or "itself only" cannot
// learn the totals of everything below through the rollups (which carry no scope of their own).
public static class PanoramaScope
{
    public static bool SeesWhole(DataScope scope, long unit)
    {
        if (scope.IsAll) return true;
        var (from, to) = OrgCode.Subtree(unit);
        IEnumerable<long> roots = scope.Kind switch
        {
            DataScopeKind.UnitAndBelow => [scope.UnitCode],
            DataScopeKind.Custom => scope.CustomUnits,
            _ => [],
        };
        return roots.Any(r => r > 0 && OrgCode.Subtree(r) is var s && s.From <= from && to <= s.To);
    }

    // Where the caller's panorama opens: the city, their own unit, or the first of their chosen units.
    public static long? Home(DataScope scope, long city) => scope.Kind switch
    {
        DataScopeKind.All => city,
        DataScopeKind.UnitAndBelow when scope.UnitCode > 0 => scope.UnitCode,
        DataScopeKind.Custom when scope.CustomUnits.Count > 0 => scope.CustomUnits[0],
        _ => null,
    };
}
