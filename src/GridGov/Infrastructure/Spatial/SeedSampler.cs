using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate.Polygon;

namespace GridGov.Infrastructure.Spatial;

internal static class SeedSampler
{
    // Thin diagonal shapes fill little of their envelope; past this many tries per wanted point we
    // stop guessing and sample the triangulation instead, which never misses.
    private const int AttemptsPerPoint = 200;

    // Uniform random points strictly inside `area` (never on its boundary, so each Voronoi cell built
    // around one keeps a positive area inside the parent). May return fewer than wanted only for
    // shapes whose area is lost in floating-point noise.
    public static List<Coordinate> Sample(Geometry area, IPointOnGeometryLocator locator, int wanted, Random random)
    {
        var points = new List<Coordinate>(wanted);
        var seen = new HashSet<(double, double)>();
        var env = area.EnvelopeInternal;
        long cap = Math.Max(10_000L, (long)wanted * AttemptsPerPoint);
        for (long attempt = 0; attempt < cap && points.Count < wanted; attempt++)
        {
            var c = new Coordinate(env.MinX + random.NextDouble() * env.Width, env.MinY + random.NextDouble() * env.Height);
            if (locator.Locate(c) == Location.Interior && seen.Add((c.X, c.Y)))
                points.Add(c);
        }

        if (points.Count < wanted)
            FromTriangles(area, locator, wanted, random, points, seen);
        return points;
    }

    private static void FromTriangles(
        Geometry area, IPointOnGeometryLocator locator, int wanted, Random random, List<Coordinate> points, HashSet<(double, double)> seen)
    {
        Geometry triangles;
        try
        {
            triangles = ConstrainedDelaunayTriangulator.Triangulate(area);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return; // the caller falls back to strips
        }

        var cumulative = new double[triangles.NumGeometries];
        double total = 0;
        for (int i = 0; i < cumulative.Length; i++)
            cumulative[i] = total += triangles.GetGeometryN(i).Area;
        if (total <= 0)
            return;

        for (int attempt = 0; attempt < wanted * AttemptsPerPoint && points.Count < wanted; attempt++)
        {
            int index = Array.BinarySearch(cumulative, random.NextDouble() * total);
            var t = triangles.GetGeometryN(Math.Min(index < 0 ? ~index : index, cumulative.Length - 1)).Coordinates;
            double r1 = Math.Sqrt(random.NextDouble()), r2 = random.NextDouble();
            var c = new Coordinate(
                (1 - r1) * t[0].X + r1 * (1 - r2) * t[1].X + r1 * r2 * t[2].X,
                (1 - r1) * t[0].Y + r1 * (1 - r2) * t[1].Y + r1 * r2 * t[2].Y);
            if (locator.Locate(c) == Location.Interior && seen.Add((c.X, c.Y)))
                points.Add(c);
        }
    }
}
