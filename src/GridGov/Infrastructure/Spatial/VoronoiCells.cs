using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate;

namespace GridGov.Infrastructure.Spatial;

internal static class VoronoiCells
{
    // Returns each seed's Voronoi cell (same order as seeds; null if the builder merged a seed away).
    // The diagram is computed with x scaled by cos(latitude), so cells are round in metres rather
    // than in degrees; the cells come back unscaled.
    public static Polygon?[] Build(IReadOnlyList<Coordinate> seeds, Envelope cover, double xScale, GeometryFactory factory)
    {
        var local = new Envelope(cover.MinX * xScale, cover.MaxX * xScale, cover.MinY, cover.MaxY);
        var sites = new List<Coordinate>(seeds.Count + 4);
        var index = new Dictionary<(double, double), int>(seeds.Count);
        for (int i = 0; i < seeds.Count; i++)
        {
            var site = new Coordinate(seeds[i].X * xScale, seeds[i].Y);
            sites.Add(site);
            index.TryAdd((site.X, site.Y), i);
        }

        // Four far corner sites make every real seed an interior site, so its cell is bounded by real
        // neighbours and not by the builder's finite frame (which can leave uncovered gaps). Any point
        // of `cover` is at most one diagonal from a seed and over twice that from a corner site.
        double margin = 2 * Math.Max(local.Width, local.Height);
        sites.Add(new Coordinate(local.MinX - margin, local.MinY - margin));
        sites.Add(new Coordinate(local.MaxX + margin, local.MinY - margin));
        sites.Add(new Coordinate(local.MinX - margin, local.MaxY + margin));
        sites.Add(new Coordinate(local.MaxX + margin, local.MaxY + margin));

        // The cells are taken straight from the subdivision: the builder's own clipping step uses the
        // legacy overlay, which throws on the huge, nearly degenerate cells of the corner sites.
        var builder = new VoronoiDiagramBuilder();
        builder.SetSites(sites);
        var diagram = builder.GetSubdivision().GetVoronoiCellPolygons(factory);

        var cells = new Polygon?[seeds.Count];
        foreach (var geometry in diagram)
        {
            if (geometry is not Polygon cell || cell.UserData is not Coordinate site)
                continue;
            if (!index.TryGetValue((site.X, site.Y), out int seed))
                continue; // a corner site
            var ring = cell.ExteriorRing.Coordinates
                .Select(c => new Coordinate(c.X / xScale, c.Y))
                .ToArray();
            ring[^1] = ring[0].Copy(); // keep the ring closed bit for bit after the transform
            cells[seed] = factory.CreatePolygon(ring);
        }

        return cells;
    }
}
