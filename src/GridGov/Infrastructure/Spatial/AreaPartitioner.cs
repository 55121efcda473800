using NetTopologySuite;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace GridGov.Infrastructure.Spatial;

// Street, community and grid boundaries of Chinese cities are not public, so they are generated:
// relaxed random seeds inside the parent, their Voronoi cells, each cell clipped to the parent.
public static class AreaPartitioner
{
    private static readonly GeometryFactory Factory = NtsGeometryServices.Instance.CreateGeometryFactory(4326);

    private const int SamplesPerPart = 24;
    private const int MaxSamples = 20_000;
    private const int RelaxRounds = 3;

    // Below this share of the parent left uncovered the cells are trusted; above it the gap is
    // computed and handed to neighbours (only numerically odd shapes ever get there).
    private const double GapTolerance = 1e-9;

    /// <summary>
    /// Splits <paramref name="parent"/> (Polygon or MultiPolygon, lon/lat degrees) into exactly
    /// <paramref name="count"/> valid, non-empty polygonal parts that lie inside it, do not overlap and
    /// cover it. Deterministic for a given (parent, count, seed); parts come in map reading order
    /// (rows north to south, west to east within a row). An invalid parent (real outlines often touch
    /// themselves) is repaired with GeometryFixer first and the parts cover the repaired shape; for
    /// <paramref name="count"/> 1 that shape, i.e. the parent itself when it is valid, is the only part.
    /// </summary>
    /// <exception cref="InvalidOperationException">The parent is too small for <paramref name="count"/>
    /// non-empty parts at double precision (well below a millimetre).</exception>
    public static IReadOnlyList<Geometry> Split(Geometry parent, int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var area = Normalize(parent);
        if (count == 1)
            return [area];

        // Overlay snapping tolerances grow with coordinate magnitude (~1e-10° at longitude 118), which
        // would crush a small area's cells; near the origin they scale with the area instead. Subtracting
        // a nearby centre is exact for the parent's own vertices, so its boundary survives the round trip.
        var centre = area.EnvelopeInternal.Centre;
        var local = AffineTransformation.TranslationInstance(-centre.X, -centre.Y).Transform(area);
        var toWorld = AffineTransformation.TranslationInstance(centre.X, centre.Y);
        double xScale = Math.Max(Math.Cos(centre.Y * Math.PI / 180), 0.01);

        var (parts, anchors) = PartitionLocal(local, count, new Random(seed), xScale);
        var world = parts.Select(p => Polygonal.MakeValid(toWorld.Transform(p), Factory)).ToArray();
        if (world.Any(p => p.IsEmpty))
            throw new InvalidOperationException($"The area is too small to split into {count} non-empty parts.");
        return ReadingOrder.Of(anchors, xScale).Select(i => world[i]).ToArray();
    }

    private static Geometry Normalize(Geometry parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        if (parent is not IPolygonal)
            throw new ArgumentException($"Expected a Polygon or MultiPolygon, got {parent.GeometryType}.", nameof(parent));

        var area = parent.SRID == Factory.SRID && parent.PrecisionModel.IsFloating ? parent : Factory.CreateGeometry(parent);
        area = Polygonal.MakeValid(area, Factory);
        if (area.IsEmpty || !(area.Area > 0))
            throw new ArgumentException("The parent area is empty.", nameof(parent));
        return area;
    }

    // Returns the parts and, for each, a point inside it that places it in reading order.
    private static (List<Geometry> Parts, List<Coordinate> Anchors) PartitionLocal(Geometry area, int count, Random random, double xScale)
    {
        var locator = new IndexedPointInAreaLocator(area);
        var samples = SeedSampler.Sample(area, locator, Math.Clamp(count * SamplesPerPart, count, Math.Max(MaxSamples, count)), random);
        if (samples.Count >= count)
        {
            var seeds = samples.Take(count).ToList();
            SeedRelaxer.Relax(seeds, samples, locator, xScale, RelaxRounds);
            if (ClipCells(area, seeds, xScale) is { } parts)
                return (parts, seeds);
        }

        var strips = StripSplitter.Split(area, count, Factory);
        return (strips, strips.Select(s => s.IsEmpty ? new Coordinate(0, 0) : s.InteriorPoint.Coordinate).ToList());
    }

    private static List<Geometry>? ClipCells(Geometry area, IReadOnlyList<Coordinate> seeds, double xScale)
    {
        var cells = VoronoiCells.Build(seeds, area.EnvelopeInternal, xScale, Factory);
        var prepared = PreparedGeometryFactory.Prepare(area);
        var parts = new List<Geometry>(seeds.Count);
        foreach (var cell in cells)
        {
            if (cell is null)
                return null;
            // Most cells of a fine partition lie wholly inside; only border cells pay for an overlay.
            var part = prepared.Contains(cell)
                ? cell
                : Polygonal.Keep(OverlayNGRobust.Overlay(cell, area, SpatialFunction.Intersection), Factory);
            if (part.IsEmpty)
                return null;
            parts.Add(part);
        }

        FillGaps(area, parts, seeds, xScale);
        return parts;
    }

    // Voronoi cells tile the plane, so a gap can only come from floating-point noise in the clipping;
    // the cells do not overlap, so their summed area shows cheaply whether there is one.
    private static void FillGaps(Geometry area, List<Geometry> parts, IReadOnlyList<Coordinate> seeds, double xScale)
    {
        double total = area.Area;
        if (total - parts.Sum(p => p.Area) <= total * GapTolerance)
            return;

        var gaps = OverlayNGRobust.Overlay(area, OverlayNGRobust.Union(parts, Factory), SpatialFunction.Difference);
        for (int g = 0; g < gaps.NumGeometries; g++)
        {
            if (gaps.GetGeometryN(g) is not Polygon gap || gap.IsEmpty)
                continue;
            var at = gap.InteriorPoint.Coordinate;
            int owner = Enumerable.Range(0, parts.Count)
                .OrderBy(i => parts[i].Distance(gap))
                .ThenBy(i => Math.Pow((seeds[i].X - at.X) * xScale, 2) + Math.Pow(seeds[i].Y - at.Y, 2))
                .First();
            parts[owner] = Polygonal.Keep(OverlayNGRobust.Overlay(parts[owner], gap, SpatialFunction.Union), Factory);
        }
    }
}
