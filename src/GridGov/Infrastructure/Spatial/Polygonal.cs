using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace GridGov.Infrastructure.Spatial;

internal static class Polygonal
{
    // Overlay results may carry lines or points where shapes merely touch; a part is an area, so those go.
    public static Geometry Keep(Geometry geometry, GeometryFactory factory)
    {
        var polygons = PolygonExtracter.GetPolygons(geometry).Where(p => !p.IsEmpty).Cast<Polygon>().ToArray();
        return polygons.Length switch
        {
            0 => factory.CreatePolygon(),
            1 => polygons[0],
            _ => factory.CreateMultiPolygon(polygons),
        };
    }

    // Validity checks cost time; fixing is only paid for the rare part that needs it.
    public static Geometry MakeValid(Geometry geometry, GeometryFactory factory) =>
        geometry.IsValid ? geometry : Keep(GeometryFixer.Fix(geometry), factory);
}
