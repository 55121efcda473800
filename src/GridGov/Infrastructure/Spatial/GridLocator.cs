using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace GridGov.Infrastructure.Spatial;

/// <summary>
/// Finds which area (grid) of a city contains a point. Built once, then safe for concurrent reads:
/// the tree is built in the constructor and prepared geometries initialise their indexes under a lock.
/// </summary>
public sealed class GridLocator
{
    private static readonly GeometryFactory Factory = NtsGeometryServices.Instance.CreateGeometryFactory(4326);

    private readonly STRtree<Area> _tree = new();

    public GridLocator(IEnumerable<(long Code, Geometry Boundary)> areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        foreach (var (code, boundary) in areas)
        {
            ArgumentNullException.ThrowIfNull(boundary);
            Count++;
            if (!boundary.IsEmpty)
                _tree.Insert(boundary.EnvelopeInternal, new Area(code, PreparedGeometryFactory.Prepare(boundary)));
        }

        // STRtree builds itself lazily on the first query, which is not safe when that query is concurrent.
        _tree.Build();
    }

    public int Count { get; }

    /// <summary>
    /// Code of the area covering the point, or null if none. A point on an edge shared by several
    /// areas belongs to the one with the smallest code, so the answer never depends on tree order.
    /// </summary>
    public long? Locate(double lon, double lat)
    {
        if (!double.IsFinite(lon) || !double.IsFinite(lat))
            return null;
        var point = Factory.CreatePoint(new Coordinate(lon, lat));
        long? found = null;
        foreach (var area in _tree.Query(point.EnvelopeInternal))
        {
            if ((found is null || area.Code < found) && area.Boundary.Covers(point))
                found = area.Code;
        }

        return found;
    }

    private sealed record Area(long Code, IPreparedGeometry Boundary);
}
