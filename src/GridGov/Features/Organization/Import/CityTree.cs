using System.Collections.Concurrent;
using System.Text.Json;
using GridGov.Infrastructure.Spatial;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace GridGov.Features.Organization.Import;

// The checked division rows of one city, and the generation of the units below each district:
// streets inside the district, communities inside each street, grids inside each community.
sealed class CityTree(List<DivisionRow> rows, int seed)
{
    readonly ILookup<long, DivisionRow> children = rows.ToLookup(r => r.ParentCode);
    readonly DivisionRow city = rows.Single(r => r.Level == OrgLevel.City);
    readonly Dictionary<long, DivisionRow> byCode = rows.ToDictionary(r => r.Code);

    public IEnumerable<DivisionRow> Districts => children[city.Code];
    public bool Contains(long code) => byCode.ContainsKey(code);
    public int ChildCount(long code) => children[code].Count();

    // Deterministic "several" grids per community: 3 to 8, from the seed and the community code.
    public int GridCount(long communityCode) => 3 + (int)(Mix(seed, communityCode) % 6);

    public void Generate(DivisionRow district, Geometry? boundary, ConcurrentBag<OrgUnit> into)
    {
        into.Add(Unit(district, boundary, generated: false));
        Below(district.Code, boundary, into);
    }

    void Below(long parent, Geometry? boundary, ConcurrentBag<OrgUnit> into)
    {
        var kids = children[parent].OrderBy(r => r.Code).ToList();
        if (kids.Count == 0)
        {
            if (OrgCode.LevelOf(parent) == OrgLevel.Community) Grids(parent, boundary, into);
            return;
        }
        var parts = boundary is null ? null : AreaPartitioner.Split(boundary, kids.Count, SeedFor(parent));
        for (var i = 0; i < kids.Count; i++)
        {
            var part = parts?[i];
            into.Add(Unit(kids[i], part, generated: true));
            Below(kids[i].Code, part, into);
        }
    }

    void Grids(long community, Geometry? boundary, ConcurrentBag<OrgUnit> into)
    {
        var n = GridCount(community);
        var prefix = ShortName(byCode[community].Name);
        var parts = boundary is null ? null : AreaPartitioner.Split(boundary, n, SeedFor(community));
        for (var i = 0; i < n; i++)
        {
            var code = community * 1000 + i + 1;
            into.Add(Unit(new DivisionRow(code, $"{prefix}第{i + 1}网格", community, OrgLevel.Grid, "", 0), parts?[i], generated: true));
        }
    }

    // "梅园新村社区居委会" → "梅园新村社区", "石湫村村委会" → "石湫村": the way grids are named on site.
    static string ShortName(string community) =>
        community.EndsWith("居委会") ? community[..^3] : community.EndsWith("村委会") ? community[..^3] : community;

    public OrgUnit CityUnit(List<Geometry> districts)
    {
        var boundary = districts.Count == 0 ? null : CascadedPolygonUnion.Union(districts);
        return Unit(city, boundary, generated: false);
    }

    static OrgUnit Unit(DivisionRow row, Geometry? boundary, bool generated)
    {
        var label = boundary?.InteriorPoint;
        return new OrgUnit
        {
            Code = row.Code,
            Name = row.Name,
            Level = row.Level,
            ParentCode = row.Level == OrgLevel.City ? null : row.ParentCode,
            GridCode = OrgCode.Pad(row.Code),
            Boundary = boundary is null ? null : JsonSerializer.Serialize(boundary, BoundaryFile.GeoJson),
            BoundaryGenerated = boundary is not null && generated,
            LabelLon = label?.X ?? 0,
            LabelLat = label?.Y ?? 0,
            AreaKm2 = boundary is null ? 0 : AreaKm2(boundary),
        };
    }

    // Degrees² to km² at the area's latitude; close enough for a city-sized figure.
    static double AreaKm2(Geometry g)
    {
        var lat = g.Centroid.Y * Math.PI / 180;
        return Math.Round(g.Area * 111.32 * 111.32 * Math.Cos(lat), 3);
    }

    int SeedFor(long code) => SeedFor(seed, code);

    internal static int SeedFor(int seed, long code) => (int)(Mix(seed, code) & 0x7fffffff);

    static ulong Mix(int seed, long code)
    {
        // SplitMix64: a stable hash (string.GetHashCode is randomised per process).
        var z = (ulong)code + (ulong)seed * 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
