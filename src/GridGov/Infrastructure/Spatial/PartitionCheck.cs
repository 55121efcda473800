using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Valid;

namespace GridGov.Infrastructure.Spatial;

// Generated boundaries are only trustworthy if they form a true partition; the importer refuses a
// level whose check fails, and the tests use the same rules.
public static class PartitionCheck
{
    /// <summary>
    /// Returns human-readable problems, empty when <paramref name="parts"/> partition
    /// <paramref name="parent"/>: every part valid, polygonal and non-empty, inside the parent, no two
    /// overlapping and together covering it, each up to <paramref name="tolerance"/> × parent area.
    /// </summary>
    public static IReadOnlyList<string> Verify(Geometry parent, IReadOnlyList<Geometry> parts, double tolerance = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(parts);
        var problems = new List<string>();
        var whole = Polygonal.MakeValid(parent, parent.Factory);
        double parentArea = whole.Area;
        if (whole.IsEmpty || !(parentArea > 0))
        {
            problems.Add("parent is empty or has no area");
            return problems;
        }

        double limit = tolerance * parentArea;
        var usable = CheckParts(whole, parts, parentArea, limit, problems);
        CheckOverlaps(usable, parentArea, limit, problems);

        var covered = OverlayNGRobust.Union(usable.Where(p => p is not null).Cast<Geometry>(), whole.Factory);
        double uncovered = OverlayNGRobust.Overlay(whole, covered, SpatialFunction.Difference).Area;
        if (uncovered > limit)
            problems.Add(Say($"parts leave {uncovered:G4} of parent uncovered ({uncovered / parentArea:P4} of its area)"));
        return problems;
    }

    // Returns the parts fit for the geometric checks (invalid ones repaired), null where unusable.
    private static Geometry?[] CheckParts(Geometry whole, IReadOnlyList<Geometry> parts, double parentArea, double limit, List<string> problems)
    {
        var prepared = PreparedGeometryFactory.Prepare(whole);
        var usable = new Geometry?[parts.Count];
        for (int i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (part is null || part.IsEmpty)
            {
                problems.Add(Say($"parts[{i}] is empty"));
                continue;
            }

            if (part is not IPolygonal)
            {
                problems.Add(Say($"parts[{i}] is a {part.GeometryType}, not a Polygon or MultiPolygon"));
                continue;
            }

            if (!part.IsValid)
            {
                problems.Add(Say($"parts[{i}] is invalid: {new IsValidOp(part).ValidationError}"));
                part = Polygonal.MakeValid(part, part.Factory);
            }

            usable[i] = part;
            if (prepared.Covers(part))
                continue;
            double outside = OverlayNGRobust.Overlay(part, whole, SpatialFunction.Difference).Area;
            if (outside > limit)
                problems.Add(Say($"parts[{i}] lies outside parent by {outside:G4} ({outside / parentArea:P4} of parent area)"));
        }

        return usable;
    }

    // Only parts whose envelopes meet can overlap, so an envelope index keeps this near-linear.
    private static void CheckOverlaps(Geometry?[] parts, double parentArea, double limit, List<string> problems)
    {
        var index = new STRtree<int>();
        for (int i = 0; i < parts.Length; i++)
        {
            if (parts[i] is { } part)
                index.Insert(part.EnvelopeInternal, i);
        }

        index.Build();
        for (int i = 0; i < parts.Length; i++)
        {
            if (parts[i] is not { } part)
                continue;
            foreach (int j in index.Query(part.EnvelopeInternal).Where(j => j > i).Order())
            {
                double shared = OverlayNGRobust.Overlay(part, parts[j]!, SpatialFunction.Intersection).Area;
                if (shared > limit)
                    problems.Add(Say($"parts[{i}] and parts[{j}] overlap by {shared:G4} ({shared / parentArea:P4} of parent area)"));
            }
        }
    }

    private static string Say(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
