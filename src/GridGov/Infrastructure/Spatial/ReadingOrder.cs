using NetTopologySuite.Geometries;

namespace GridGov.Infrastructure.Spatial;

internal static class ReadingOrder
{
    // Serial codes should read like text on the map: rows from north to south, west to east within a
    // row. Sorting by latitude alone would zigzag across the whole area, so points are first banded
    // into about sqrt(n × height / width) rows of equal count (sizes measured in local metres).
    public static int[] Of(IReadOnlyList<Coordinate> points, double xScale)
    {
        int n = points.Count;
        var env = new Envelope();
        foreach (var p in points)
            env.ExpandToInclude(p);
        double width = env.Width * xScale, height = env.Height;
        int rows = width <= 0 ? n : height <= 0 ? 1 : (int)Math.Round(Math.Sqrt(n * height / width));
        rows = Math.Clamp(rows, 1, Math.Max(1, n));
        int perRow = (n + rows - 1) / rows;

        var northFirst = Enumerable.Range(0, n)
            .OrderByDescending(i => points[i].Y).ThenBy(i => points[i].X).ThenBy(i => i)
            .ToArray();
        return northFirst.Chunk(perRow)
            .SelectMany(row => row.OrderBy(i => points[i].X).ThenByDescending(i => points[i].Y).ThenBy(i => i))
            .ToArray();
    }
}
