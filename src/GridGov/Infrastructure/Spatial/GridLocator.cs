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

    // Areas sorted by code and referred to by index: the smallest index that covers a point is the
    // smallest code, and the tree holds plain ints (no per-hit allocation or nullable arithmetic).
    private readonly STRtree<int> _tree = new();
    private readonly long[] _codes;
    private readonly IPreparedGeometry[] _boundaries;

    public GridLocator(IEnumerable<(long Code, Geometry Boundary)> areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        var all = areas.ToList();
        Count = all.Count;
        var drawn = all.Where(a => (a.Boundary ?? throw new ArgumentNullException(nameof(areas))) is { IsEmpty: false })
            .OrderBy(a => a.Code).ToList();
        _codes = [.. drawn.Select(a => a.Code)];
        _boundaries = [.. drawn.Select(a => PreparedGeometryFactory.Prepare(a.Boundary))];
        for (var i = 0; i < drawn.Count; i++)
            _tree.Insert(drawn[i].Boundary.EnvelopeInternal, i);

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
        var best = int.MaxValue;
        foreach (var i in _tree.Query(point.EnvelopeInternal))
        {
            if (i < best && _boundaries[i].Covers(point))
                best = i;
        }

        return best == int.MaxValue ? null : _codes[best];
    }

    /// <summary>Codes of the areas whose envelope meets the box, in code order.</summary>
    public List<long> Near(double minLon, double minLat, double maxLon, double maxLat)
    {
        var hits = _tree.Query(new Envelope(minLon, maxLon, minLat, maxLat));
        var codes = new List<long>(hits.Count);
        foreach (var i in hits) codes.Add(_codes[i]);
        codes.Sort();
        return codes;
    }
}
