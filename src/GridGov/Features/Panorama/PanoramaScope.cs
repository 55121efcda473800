using GridGov.Infrastructure.Places;
using GridGov.Infrastructure.Security;

namespace GridGov.Features.Panorama;

// The panorama shows a unit's whole subtree as one figure, so a caller may open a unit only when
// they see all of it (DataScope.SeesAllOf): the rollups carry no scope of their own.
public static class PanoramaScope
{
    // Where the caller's panorama opens: the city, their own unit, or the first of their chosen units.
    public static long? Home(DataScope scope, long city) => scope.Kind switch
    {
        DataScopeKind.All => city,
        DataScopeKind.UnitAndBelow when scope.UnitCode > 0 => scope.UnitCode,
        DataScopeKind.Custom when scope.CustomUnits.Count > 0 => scope.CustomUnits[0],
        _ => null,
    };
}
