using System.Text.Json;
using GridGov.Features.Organization;
using GridGov.Infrastructure.Spatial;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace GridGov.Tests.Organization;

// Streets, communities and grids are generated inside the real district boundaries; on the imported
// demo city every parent must be partitioned exactly by its children.
[Collection(NanjingCollection.Name)]
public sealed class GeneratedGeometryTests(GridGovApp app)
{
    static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    async Task<Dictionary<long, (OrgUnit Unit, Geometry? Shape)>> LoadAsync()
    {
        await using var db = app.UnscopedDb();
        var units = await db.OrgUnits.AsNoTracking().ToListAsync();
        return units.ToDictionary(u => u.Code, u => (u, u.Boundary is null ? null : JsonSerializer.Deserialize<Geometry>(u.Boundary, GeoJson)));
    }

    [Fact]
    public async Task Every_generated_level_partitions_its_parent()
    {
        var all = await LoadAsync();
        var problems = new List<string>();
        var parents = 0;
        foreach (var group in all.Values.Where(x => x.Unit.ParentCode is not null && x.Unit.Level != OrgLevel.District)
                     .GroupBy(x => x.Unit.ParentCode!.Value))
        {
            var parent = all[group.Key];
            Assert.NotNull(parent.Shape);
            var children = group.Select(x => x.Shape ?? throw new Xunit.Sdk.XunitException($"{x.Unit.Code} has no boundary")).ToList();
            parents++;
            problems.AddRange(PartitionCheck.Verify(parent.Shape, children, 1e-4).Select(p => $"{parent.Unit.Code} {parent.Unit.Name}: {p}"));
        }
        Assert.True(parents > 1400, $"only {parents} parents checked");
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData(320102002)] // 梅园新村街道 → communities
    [InlineData(320102002001)] // 梅园新村社区 → grids
    [InlineData(320115)] // 江宁区 → streets, cut out of a real boundary of thousands of vertices
    public async Task Children_lie_inside_do_not_overlap_and_cover_their_parent(long code)
    {
        // An independent check by plain area arithmetic.
        var all = await LoadAsync();
        var parent = all[code].Shape!;
        var children = all.Values.Where(x => x.Unit.ParentCode == code).Select(x => x.Shape!).ToList();
        Assert.True(children.Count >= 3);
        var area = parent.Area;

        Assert.All(children, c => Assert.True(c.Difference(parent).Area < area * 1e-6, "a child sticks out of its parent"));
        for (var i = 0; i < children.Count; i++)
            for (var j = i + 1; j < children.Count; j++)
                Assert.True(children[i].Intersection(children[j]).Area < area * 1e-6, $"children {i} and {j} overlap");
        Assert.Equal(area, children.Sum(c => c.Area), area * 1e-4);
        Assert.True(parent.Difference(NetTopologySuite.Operation.Union.CascadedPolygonUnion.Union(children)).Area < area * 1e-4, "the children leave a gap");
    }

    [Fact]
    public async Task Grid_codes_are_the_community_code_and_a_serial_from_001()
    {
        var all = await LoadAsync();
        var grids = all.Values.Where(x => x.Unit.Level == OrgLevel.Grid).Select(x => x.Unit).ToList();
        Assert.All(grids.GroupBy(g => g.ParentCode), g =>
            Assert.Equal(Enumerable.Range(1, g.Count()).Select(i => g.Key!.Value * 1000 + i), g.Select(x => x.Code).Order()));
        Assert.All(grids, g => Assert.Equal(g.Code, g.GridCode));
    }

    [Fact]
    public async Task Regenerating_with_the_same_seed_gives_the_same_boundaries()
    {
        var all = await LoadAsync();
        var district = all[320104];
        var streets = all.Values.Where(x => x.Unit.ParentCode == 320104).OrderBy(x => x.Unit.Code).Select(x => x.Shape!).ToList();
        var parts = AreaPartitioner.Split(district.Shape!, streets.Count, SeedOf(320104));
        Assert.Equal(streets.Count, parts.Count);
        for (var i = 0; i < parts.Count; i++)
            Assert.True(parts[i].EqualsExact(streets[i], 1e-9) || parts[i].SymmetricDifference(streets[i]).Area < 1e-12);
    }

    static int SeedOf(long code) => GridGov.Features.Organization.Import.CityTree.SeedFor(GridGov.Features.Organization.Import.ImportCity.DefaultSeed, code);
}
