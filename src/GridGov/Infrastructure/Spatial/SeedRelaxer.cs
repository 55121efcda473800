using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace GridGov.Infrastructure.Spatial;

// Lloyd relaxation approximated on a uniform sample of the parent (k-means): each round moves a seed to
// the mean of the sample points nearest to it, which converges to the centroid of its clipped Voronoi
// cell without clipping a single polygon. A few rounds only: full convergence gives a honeycomb, while
// real administrative areas stay a little irregular.
internal static class SeedRelaxer
{
    public static void Relax(
        List<Coordinate> seeds, IReadOnlyList<Coordinate> samples, IPointOnGeometryLocator locator, double xScale, int rounds)
    {
        var nearest = new int[samples.Count];
        for (int round = 0; round < rounds; round++)
        {
            var sumX = new double[seeds.Count];
            var sumY = new double[seeds.Count];
            var members = new int[seeds.Count];
            for (int s = 0; s < samples.Count; s++)
            {
                int best = Nearest(seeds, samples[s], xScale);
                nearest[s] = best;
                sumX[best] += samples[s].X;
                sumY[best] += samples[s].Y;
                members[best]++;
            }

            var moved = new List<Coordinate>(seeds.Count);
            for (int i = 0; i < seeds.Count; i++)
            {
                if (members[i] == 0)
                {
                    moved.Add(seeds[i]);
                    continue;
                }

                var mean = new Coordinate(sumX[i] / members[i], sumY[i] / members[i]);
                // The mean of a cluster in a concave parent can land outside it; its closest member cannot.
                moved.Add(locator.Locate(mean) == Location.Interior ? mean : ClosestMember(samples, nearest, i, mean, xScale));
            }

            // Coinciding seeds would merge two Voronoi cells and lose a part; stop rather than risk it.
            if (moved.Select(c => (c.X, c.Y)).Distinct().Count() != moved.Count)
                return;
            seeds.Clear();
            seeds.AddRange(moved);
        }
    }

    private static int Nearest(List<Coordinate> seeds, Coordinate p, double xScale)
    {
        int best = 0;
        double bestDistance = double.MaxValue;
        for (int i = 0; i < seeds.Count; i++)
        {
            double dx = (seeds[i].X - p.X) * xScale, dy = seeds[i].Y - p.Y;
            double d = dx * dx + dy * dy;
            if (d < bestDistance)
            {
                bestDistance = d;
                best = i;
            }
        }

        return best;
    }

    private static Coordinate ClosestMember(IReadOnlyList<Coordinate> samples, int[] nearest, int cluster, Coordinate target, double xScale)
    {
        Coordinate? best = null;
        double bestDistance = double.MaxValue;
        for (int s = 0; s < samples.Count; s++)
        {
            if (nearest[s] != cluster)
                continue;
            double dx = (samples[s].X - target.X) * xScale, dy = samples[s].Y - target.Y;
            double d = dx * dx + dy * dy;
            if (d < bestDistance)
            {
                bestDistance = d;
                best = samples[s];
            }
        }

        return best!;
    }
}
