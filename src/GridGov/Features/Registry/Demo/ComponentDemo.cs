using System.Text.Json;
using GridGov.Features.Organization;
using GridGov.Features.Registry.Components;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Places;
using GridGov.Infrastructure.Spatial;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace GridGov.Features.Registry.Demo;

// The components of the community's grids: 30–60 a grid of the classes a residential street has
// (manhole covers, street lamps, bins, fire hydrants, street trees …), at points inside the grid, ~5 %
// damaged, ~1 % missing, ~1 % occupied, each maintained by the street's or district's department of
// its kind, or owned by the utility that runs it.
static class ComponentDemo
{
    // Class, weight, department kind (street first, then district), owner.
    static readonly (string Class, double Weight, string Kind, string? Owner)[] Mix =
    [
        ("C0101", 8, "水务", "南京水务集团"), ("C0102", 8, "水务", "南京水务集团"), ("C0103", 8, "水务", null), ("C0104", 6, "水务", null),
        ("C0105", 4, "住建", "国网南京供电公司"), ("C0107", 5, "住建", "中国电信南京分公司"), ("C0111", 3, "住建", "南京港华燃气有限公司"),
        ("C0113", 5, "应急管理", null), ("C0118", 15, "城管", null), ("C0305", 12, "城管", null), ("C0402", 15, "园林", null),
        ("C0407", 3, "园林", null), ("C0213", 3, "城管", null), ("C0501", 2, "城管", null), ("C0117", 2, "城管", null),
    ];

    static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };
    static readonly string[] Sides = ["东侧", "南侧", "西侧", "北侧", "入口处", "路口", "围墙外"];

    public static async Task FillAsync(CommunityFill fill, CancellationToken ct)
    {
        var random = fill.Random;
        var (street, district) = (OrgCode.Street(fill.Grids[0]), OrgCode.District(fill.Grids[0]));
        var departments = await fill.Db.Departments.IgnoreQueryFilters().Where(d => d.OrgUnitCode == street || d.OrgUnitCode == district)
            .Select(d => new { d.Id, d.Kind, d.OrgUnitCode }).ToListAsync(ct);
        long? DepartmentOf(string kind) =>
            departments.Where(d => d.Kind == kind).OrderByDescending(d => d.OrgUnitCode == street).Select(d => (long?)d.Id).FirstOrDefault();
        var total = Mix.Sum(m => m.Weight);
        var components = new List<Component>();
        foreach (var grid in fill.Grids)
        {
            var boundary = await fill.Db.OrgUnits.Where(u => u.Code == grid).Select(u => u.Boundary).FirstOrDefaultAsync(ct);
            if (boundary is null || JsonSerializer.Deserialize<Geometry>(boundary, GeoJson) is not { } shape) continue;
            var points = SeedSampler.Sample(shape, new IndexedPointInAreaLocator(shape), 30 + random.Next(31), random);
            var place = fill.People.Select(p => p.Room).FirstOrDefault(r => r.GridCode == grid)?.FullName is { } room
                ? new string(room.TakeWhile(c => !char.IsAsciiDigit(c)).ToArray()) : "";
            var serials = new Dictionary<string, int>();
            foreach (var point in points)
            {
                var roll = random.NextDouble() * total;
                var pick = Mix.First(m => (roll -= m.Weight) < 0 || m == Mix[^1]);
                var serial = serials[pick.Class] = serials.GetValueOrDefault(pick.Class) + 1;
                var state = random.NextDouble() switch { < 0.05 => ComponentState.Damaged, < 0.06 => ComponentState.Missing, < 0.07 => ComponentState.Occupied, _ => ComponentState.Intact };
                var installed = fill.Today.AddDays(-random.Next(365, 15 * 365));
                components.Add(fill.Record(new Component
                {
                    Code = pick.Class[1..] + grid + serial.ToString("0000"), ClassCode = pick.Class, Condition = state,
                    DepartmentId = DepartmentOf(pick.Kind), OwnerName = pick.Owner, Lon = Math.Round(point.X, 7), Lat = Math.Round(point.Y, 7),
                    Location = place.Length > 0 ? place + Sides[random.Next(Sides.Length)] : null,
                    InstalledOn = installed, CheckedOn = fill.Today.AddDays(-random.Next(0, 365)),
                }, grid));
            }
        }
        await using var writer = new BulkWriter<Component>(fill.Db);
        await writer.InsertManyAsync(components, ct);
    }
}
