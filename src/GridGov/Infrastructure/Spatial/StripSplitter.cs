using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace GridGov.Infrastructure.Spatial;

// Last resort when the Voronoi path cannot give `count` non-empty parts (an area so small or thin that
// floating point runs out): west-to-east strips cut at equal-area longitudes, found by bisection.
// Every strip then holds 1/count of the area, so none is empty while the area can be measured at all.
internal static class StripSplitter
{
    private const int Bisections = 60;

    public static List<Geometry> Split(Geometry parent, int count, GeometryFactory factory)
    {
        var env = parent.EnvelopeInternal;
        double pad = Math.Max(env.Width, env.Height);
        double total = parent.Area;
        var cuts = new double[count + 1];
        cuts[0] = env.MinX - pad;
        cuts[count] = env.MaxX + pad;
        for (int k = 1; k < count; k++)
        {
            double lo = Math.Max(cuts[k - 1], env.MinX), hi = env.MaxX, target = total * k / count;
            for (int step = 0; step < Bisections; step++)
            {
                double mid = (lo + hi) / 2;
                if (Clip(parent, env.MinX - pad, mid, pad, factory).Area < target)
                    lo = mid;
                else
                    hi = mid;
            }

            cuts[k] = (lo + hi) / 2;
        }

        var parts = new List<Geometry>(count);
        for (int k = 0; k < count; k++)
            parts.Add(Clip(parent, cuts[k], cuts[k + 1], pad, factory));
        return parts;
    }

    private static Geometry Clip(Geometry parent, double minX, double maxX, double pad, GeometryFactory factory)
    {
        var env = parent.EnvelopeInternal;
        var box = factory.ToGeometry(new Envelope(minX, maxX, env.MinY - pad, env.MaxY + pad));
        return Polygonal.Keep(OverlayNGRobust.Overlay(parent, box, SpatialFunction.Intersection), factory);
    }
}
