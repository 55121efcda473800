using System.Text.Json;
using GridGov.Infrastructure.Spatial;
using NetTopologySuite;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.IO.Converters;

namespace GridGov.Tests.Spatial;

public class AreaPartitionerTests
{
    private static readonly GeometryFactory Factory = NtsGeometryServices.Instance.CreateGeometryFactory(4326);

    // Loading the 700 KB file once keeps the suite fast; tests only read from it.
    private static readonly Lazy<Dictionary<string, Geometry>> RawDistricts = new(LoadNanjingDistricts);

    [Theory]
    [InlineData("320104", 12)] // 秦淮区, a single polygon
    [InlineData("320113", 12)] // 栖霞区, three pieces once repaired
    public void Split_RealDistrict_IsAPartition(string districtCode, int count)
    {
        var parent = District(districtCode);

        var parts = AreaPartitioner.Split(parent, count, seed: 7);

        Assert.Equal(count, parts.Count);
        AssertPartition(parent, parts);
        Assert.Empty(PartitionCheck.Verify(parent, parts));
    }

    [Fact]
    public void Split_InvalidRawDistrict_PartitionsItsRepairedShape()
    {
        // The shipped outlines are quantised to 1/1024° and their rings touch themselves.
        var raw = RawDistricts.Value["320114"];
        Assert.False(raw.IsValid);

        var parts = AreaPartitioner.Split(raw, 6, seed: 4);

        Assert.Equal(6, parts.Count);
        AssertPartition(GeometryFixer.Fix(raw), parts);
        Assert.Empty(PartitionCheck.Verify(raw, parts));
    }

    [Fact]
    public void Split_ComesInReadingOrder_NorthRowsFirst()
    {
        var parts = AreaPartitioner.Split(District("320115"), 12, seed: 3);

        double firstRow = parts.Take(4).Average(p => p.Centroid.Y);
        double lastRow = parts.TakeLast(4).Average(p => p.Centroid.Y);
        Assert.True(firstRow > lastRow, $"first parts average latitude {firstRow} should be north of last {lastRow}");
    }

    [Fact]
    public void Split_IsDeterministicPerSeed()
    {
        var parent = District("320104");

        var first = Wkt(AreaPartitioner.Split(parent, 9, seed: 42));
        var again = Wkt(AreaPartitioner.Split(parent, 9, seed: 42));
        var other = Wkt(AreaPartitioner.Split(parent, 9, seed: 43));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Split_MultiPolygonWithFarIsland_CoversEveryPiece()
    {
        // The island is so small that it almost never gets a seed of its own; it must still belong to a part.
        var mainland = Square(118.70, 32.00, 0.10);
        var island = Square(119.00, 31.80, 0.002);
        var parent = Factory.CreateMultiPolygon([mainland, island]);

        var parts = AreaPartitioner.Split(parent, 5, seed: 1);

        Assert.Equal(5, parts.Count);
        AssertPartition(parent, parts);
        Assert.Contains(parts, p => p.Covers(island));
    }

    [Fact]
    public void Split_PolygonWithHole_CoversAllButTheHole()
    {
        var shell = Square(118.70, 32.00, 0.10).Shell;
        var hole = Square(118.73, 32.03, 0.04).Shell;
        var parent = Factory.CreatePolygon(shell, [hole]);

        var parts = AreaPartitioner.Split(parent, 8, seed: 5);

        Assert.Equal(8, parts.Count);
        AssertPartition(parent, parts);
        var holeArea = Factory.CreatePolygon(hole);
        Assert.All(parts, p => Assert.True(p.Intersection(holeArea).Area < 1e-12));
    }

    [Fact]
    public void Split_CountOne_ReturnsTheParent()
    {
        var parent = District("320102");

        var parts = AreaPartitioner.Split(parent, 1, seed: 0);

        Assert.Single(parts);
        Assert.True(parts[0].EqualsExact(parent));
    }

    [Fact]
    public void Split_TinyPolygonIntoFifty_StillGivesFiftyParts()
    {
        // About 10 cm × 10 cm: far smaller than any real grid, yet every part must exist.
        var parent = Factory.CreatePolygon([
            new Coordinate(118.8000000, 32.0000000), new Coordinate(118.8000010, 32.0000000),
            new Coordinate(118.8000010, 32.0000008), new Coordinate(118.8000004, 32.0000010),
            new Coordinate(118.8000000, 32.0000000),
        ]);

        var parts = AreaPartitioner.Split(parent, 50, seed: 11);

        Assert.Equal(50, parts.Count);
        AssertPartition(parent, parts);
    }

    [Fact]
    public void Split_RejectsMeaninglessInput()
    {
        var parent = Square(118.7, 32.0, 0.1);
        Assert.Throws<ArgumentOutOfRangeException>(() => AreaPartitioner.Split(parent, 0, 1));
        Assert.Throws<ArgumentException>(() => AreaPartitioner.Split(Factory.CreatePoint(new Coordinate(1, 2)), 2, 1));
    }

    [Fact]
    public void GridLocator_FindsThePartContainingAPoint()
    {
        var parts = AreaPartitioner.Split(District("320104"), 12, seed: 9);
        var locator = new GridLocator(parts.Select((p, i) => (Code: 320104_001L + i, Boundary: p)));
        var random = new Random(2);

        Assert.Equal(12, locator.Count);
        for (int i = 0; i < parts.Count; i++)
        {
            foreach (var point in PointsInside(parts[i], 5, random))
                Assert.Equal(320104_001L + i, locator.Locate(point.X, point.Y));
        }

        Assert.Null(locator.Locate(0, 0));
        Assert.Null(locator.Locate(double.NaN, 32));
    }

    [Fact]
    public void GridLocator_PointOnSharedEdge_GoesToSmallestCode()
    {
        var locator = new GridLocator([(7L, Square(0, 0, 1)), (3L, Square(1, 0, 1))]);

        Assert.Equal(3L, locator.Locate(1, 0.5));
        Assert.Equal(7L, locator.Locate(0.5, 0.5));
    }

    [Fact]
    public void PartitionCheck_ReportsOverlapGapOutsideAndInvalidParts()
    {
        var parent = Square(0, 0, 2);
        var overlapping = new Geometry[] { Square(0, 0, 2), Square(1, 1, 1) };
        var missingOne = new Geometry[] { Square(0, 0, 1), Square(1, 0, 1), Square(0, 1, 1) };
        var spilling = new Geometry[] { Square(0, 0, 2), Square(2, 0, 1) };
        var bowtie = Factory.CreatePolygon([new(0, 0), new(2, 2), new(2, 0), new(0, 2), new(0, 0)]);

        Assert.Contains(PartitionCheck.Verify(parent, overlapping), p => p.Contains("overlap"));
        Assert.Contains(PartitionCheck.Verify(parent, missingOne), p => p.Contains("uncovered"));
        Assert.Contains(PartitionCheck.Verify(parent, spilling), p => p.Contains("outside"));
        Assert.Contains(PartitionCheck.Verify(parent, [bowtie]), p => p.Contains("invalid"));
        Assert.Contains(PartitionCheck.Verify(parent, [parent, Factory.CreatePolygon()]), p => p.Contains("empty"));
        Assert.Empty(PartitionCheck.Verify(parent, [Square(0, 0, 1), Square(1, 0, 1), Square(0, 1, 1), Square(1, 1, 1)]));
    }

    // Deliberately independent of PartitionCheck: plain brute-force overlay on every pair.
    private static void AssertPartition(Geometry parent, IReadOnlyList<Geometry> parts)
    {
        double area = parent.Area, tolerance = 1e-7 * area;
        foreach (var part in parts)
        {
            Assert.True(part is Polygon or MultiPolygon, $"part is a {part.GeometryType}");
            Assert.False(part.IsEmpty);
            Assert.True(part.IsValid);
            Assert.True(part.Difference(parent).Area <= tolerance, "a part sticks out of the parent");
        }

        for (int i = 0; i < parts.Count; i++)
        {
            for (int j = i + 1; j < parts.Count; j++)
                Assert.True(parts[i].Intersection(parts[j]).Area <= tolerance, $"parts {i} and {j} overlap");
        }

        var union = Factory.BuildGeometry(parts).Union();
        Assert.Equal(area, parts.Sum(p => p.Area), area * 1e-7);
        Assert.Equal(area, union.Area, area * 1e-7);
        Assert.True(parent.Difference(union).Area <= tolerance, "the parts leave a gap");
    }

    private static Geometry District(string code) => GeometryFixer.Fix(RawDistricts.Value[code]);

    private static IEnumerable<Coordinate> PointsInside(Geometry area, int count, Random random)
    {
        var env = area.EnvelopeInternal;
        for (int found = 0; found < count;)
        {
            var c = new Coordinate(env.MinX + random.NextDouble() * env.Width, env.MinY + random.NextDouble() * env.Height);
            if (area.Contains(Factory.CreatePoint(c)))
            {
                found++;
                yield return c;
            }
        }
    }

    private static Polygon Square(double x, double y, double size) => Factory.CreatePolygon([
        new Coordinate(x, y), new Coordinate(x + size, y), new Coordinate(x + size, y + size),
        new Coordinate(x, y + size), new Coordinate(x, y),
    ]);

    private static List<string> Wkt(IEnumerable<Geometry> parts) => parts.Select(p => p.AsText()).ToList();

    private static Dictionary<string, Geometry> LoadNanjingDistricts()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        var path = Path.Combine(FindBoundariesDirectory(), "nanjing-3201-districts.geojson");
        var collection = JsonSerializer.Deserialize<FeatureCollection>(File.ReadAllText(path), options)
            ?? throw new InvalidDataException($"{path} holds no FeatureCollection");
        return collection.ToDictionary(
            f => Convert.ToString(f.GetOptionalId(GeoJsonConverterFactory.DefaultIdPropertyName), System.Globalization.CultureInfo.InvariantCulture)
                ?? throw new InvalidDataException("a district has no id"),
            f => f.Geometry);
    }

    // The test assembly runs from bin/…; walk up to the repository, or trust GRIDGOV_REPO_ROOT when
    // the tests are compiled somewhere outside it.
    private static string FindBoundariesDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "boundaries");
            if (Directory.Exists(candidate))
                return candidate;
        }

        var root = Environment.GetEnvironmentVariable("GRIDGOV_REPO_ROOT");
        if (!string.IsNullOrEmpty(root) && Directory.Exists(Path.Combine(root, "data", "boundaries")))
            return Path.Combine(root, "data", "boundaries");
        throw new DirectoryNotFoundException($"No data/boundaries above {AppContext.BaseDirectory}; set GRIDGOV_REPO_ROOT.");
    }
}
