namespace GridGov.Features.Analytics.Warnings;

// A ticket as the cluster search sees it: where and when (already within the rule's window of T hours).
public readonly record struct ClusterPoint(double Lon, double Lat);

// Clusters of similar tickets close in space and time: a simplification of Kulldorff's space-time scan
// statistic (Kulldorff 2001; prospective, Kulldorff et al. 2005). The scan looks at cylinders — a circle
// on the map, a stretch of time — centred on the cases, and asks whether one holds more cases than the
// background predicts (a likelihood ratio, its significance by Monte Carlo). Here the cylinders are of
// one size only: radius R around each ticket and the rule's last T hours; the likelihood test is
// replaced by a fixed count N of *similar* tickets (the caller's `similar`: same class or the same
// problem in words). The largest cylinder with at least N is taken, its tickets leave the pool, and so
// on, so that one burst is one cluster. docs/early-warning.md.
public static class SpaceTimeClusters
{
    const double MetresPerDegree = 111_320;

    // Each cluster as indexes into `points`, its seed (the centre) first; largest cluster first.
    public static List<List<int>> Find(IReadOnlyList<ClusterPoint> points, double radiusMeters, int minSize, Func<int, int, bool> similar)
    {
        if (points.Count < minSize || minSize < 1) return [];
        // Metres on a local plane (equirectangular: exact enough within a few kilometres), hashed into
        // cells of R so that each circle needs only the 3×3 cells around its centre.
        var cos = Math.Cos(points.Average(p => p.Lat) * Math.PI / 180);
        var xy = points.Select(p => (X: p.Lon * MetresPerDegree * cos, Y: p.Lat * MetresPerDegree)).ToArray();
        var cells = new Dictionary<(long, long), List<int>>();
        for (var i = 0; i < xy.Length; i++)
        {
            var key = Cell(xy[i], radiusMeters);
            if (!cells.TryGetValue(key, out var list)) cells[key] = list = [];
            list.Add(i);
        }
        var taken = new bool[points.Count];
        var found = new List<List<int>>();
        while (true)
        {
            List<int>? best = null;
            for (var seed = 0; seed < xy.Length; seed++)
            {
                if (taken[seed]) continue;
                var members = Circle(seed, xy, cells, radiusMeters, taken, similar);
                if (members.Count >= minSize && (best is null || members.Count > best.Count)) best = members;
            }
            if (best is null) return found;
            foreach (var i in best) taken[i] = true;
            found.Add(best);
        }
    }

    static (long, long) Cell((double X, double Y) p, double size) => ((long)Math.Floor(p.X / size), (long)Math.Floor(p.Y / size));

    static List<int> Circle(int seed, (double X, double Y)[] xy, Dictionary<(long, long), List<int>> cells, double radius, bool[] taken, Func<int, int, bool> similar)
    {
        var members = new List<int> { seed };
        var (cx, cy) = Cell(xy[seed], radius);
        for (var dx = -1L; dx <= 1; dx++)
            for (var dy = -1L; dy <= 1; dy++)
            {
                if (!cells.TryGetValue((cx + dx, cy + dy), out var near)) continue;
                foreach (var j in near)
                {
                    if (j == seed || taken[j]) continue;
                    var (ex, ey) = (xy[j].X - xy[seed].X, xy[j].Y - xy[seed].Y);
                    if (ex * ex + ey * ey <= radius * radius && similar(seed, j)) members.Add(j);
                }
            }
        members.Sort(1, members.Count - 1, null);
        return members;
    }
}
