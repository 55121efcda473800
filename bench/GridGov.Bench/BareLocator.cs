using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace GridGov.Bench;

// The least a point-in-grid lookup can do with NetTopologySuite: an STRtree of the grids' envelopes and
// prepared polygons, queried by hand. GridLocator wraps the same; this is the rate it should approach.
sealed class BareLocator
{
    static readonly GeometryFactory Factory = NtsGeometryServices.Instance.CreateGeometryFactory(4326);

    readonly STRtree<int> tree = new();
    readonly long[] codes;
    readonly IPreparedGeometry[] prepared;

    public BareLocator(List<(long Code, Geometry Boundary)> grids)
    {
        // Sorted by code so that the scan's first hit is the smallest code, GridLocator's rule for edges.
        var sorted = grids.OrderBy(g => g.Code).ToList();
        codes = [.. sorted.Select(g => g.Code)];
        prepared = [.. sorted.Select(g => PreparedGeometryFactory.Prepare(g.Boundary))];
        for (var i = 0; i < sorted.Count; i++) tree.Insert(sorted[i].Boundary.EnvelopeInternal, i);
        tree.Build();
    }

    public long? Locate(double lon, double lat)
    {
        var point = Factory.CreatePoint(new Coordinate(lon, lat));
        var best = int.MaxValue;
        foreach (var i in tree.Query(point.EnvelopeInternal))
            if (i < best && prepared[i].Covers(point)) best = i;
        return best == int.MaxValue ? null : codes[best];
    }

    // No index: every prepared polygon in turn (each still rejects on its envelope first).
    public long? Scan(double lon, double lat)
    {
        var point = Factory.CreatePoint(new Coordinate(lon, lat));
        for (var i = 0; i < prepared.Length; i++)
            if (prepared[i].Covers(point)) return codes[i];
        return null;
    }
}
