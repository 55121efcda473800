using System.Text.Json;
using GridGov.Features.Organization;
using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.Houses;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Crypto;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Spatial;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Algorithm.Locate;

namespace GridGov.Features.Registry.Demo;

public sealed record GeneratedCounts(int Communities, int Addresses, int Houses, int People);

// Fills communities with a plausible registry (issue 12 §9): per grid a compound of buildings (units,
// floors, two flats a floor) with points inside the grid, a road with shop fronts per community; every
// flat a house — mostly owner-occupied families of registered residents, a fifth let to floating
// tenants, a few group-rented (群租), some empty. `scale` thins the buildings (1 ≈ Nanjing's density,
// ~350 houses and ~1,000 people a grid). One transaction and one audit record per community; written
// with BulkWriter, so a whole city streams through in bounded memory.
public sealed class RegistryGenerator(GridDatabase database, Places places, PersonalData personal, TimeProvider clock)
{
    // `withPeople: false` makes the addresses only (benchmarks import their own people).
    public async Task<GeneratedCounts> FillAsync(IReadOnlyList<long> communities, double scale, int seed, CancellationToken ct, bool withPeople = true)
    {
        var random = new Random(seed);
        List<string> districts;
        await using (var db = database.CreateUnscoped(AuditActor.System))
            districts = [.. (await db.OrgUnits.Where(u => u.Level == OrgLevel.District).Select(u => u.Code).ToListAsync(ct)).Select(c => c.ToString())];
        var people = new DemoPeople(personal, districts.Count > 0 ? districts : ["320102"], random);
        int addresses = 0, houses = 0, persons = 0;
        foreach (var community in communities)
        {
            var c = await FillCommunityAsync(community, scale, random, withPeople ? people : null, ct);
            addresses += c.Addresses; houses += c.Houses; persons += c.People;
        }
        return new(communities.Count, addresses, houses, persons);
    }

    async Task<GeneratedCounts> FillCommunityAsync(long community, double scale, Random random, DemoPeople? makePeople, CancellationToken ct)
    {
        await using var db = database.CreateUnscoped(AuditActor.System);
        var grids = await db.OrgUnits.Where(u => u.ParentCode == community && u.Level == OrgLevel.Grid).OrderBy(u => u.Code).Select(u => u.Code).ToListAsync(ct);
        if (grids.Count == 0 || await db.Set<Address>().AnyAsync(a => a.CommunityCode == community, ct)) return new(0, 0, 0, 0);
        await using var turn = await db.HoldAuditChainAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Infrastructure.ChinaTime.DateOf(now);
        var plan = new CommunityPlan(community, now);
        var names = DemoNames.Compounds.OrderBy(_ => random.Next()).ToList();
        for (var g = 0; g < grids.Count; g++)
        {
            var shape = await places.ShapeAsync(grids[g], ct);
            var points = shape is null ? [] : SeedSampler.Sample(shape, new IndexedPointInAreaLocator(shape), 12, random);
            var compound = plan.Add(null, AddressKind.Compound, g + 1, names[g % names.Count] + (g >= names.Count ? (g / names.Count + 1).ToString() : ""),
                grids[g], points.ElementAtOrDefault(0));
            var buildings = Math.Max(1, (int)Math.Round((4 + random.Next(6)) * scale));
            for (var b = 1; b <= buildings; b++)
            {
                var floors = new[] { 6, 6, 7, 11, 18 }[random.Next(5)];
                var building = plan.Add(compound, AddressKind.Building, b, $"{b}栋", grids[g], points.ElementAtOrDefault(b % Math.Max(1, points.Count)));
                building.Floors = floors;
                var units = 1 + random.Next(floors > 11 ? 2 : 3);
                for (var u = 1; u <= units; u++)
                {
                    var unit = plan.Add(building, AddressKind.Unit, u, $"{u}单元", grids[g], null);
                    for (var f = 1; f <= floors; f++)
                        for (var r = 1; r <= 2; r++)
                            plan.Add(unit, AddressKind.Room, f * 100 + r, $"{f * 100 + r}室", grids[g], null);
                }
            }
        }
        var road = plan.Add(null, AddressKind.Road, 900, DemoNames.Roads[(int)(community % DemoNames.Roads.Length)], grids[0], null);
        for (var n = 1; n <= Math.Max(2, (int)(12 * scale)); n++) plan.Add(road, AddressKind.Room, n * 2, $"{n * 2}号", grids[0], null);
        await plan.WriteAddressesAsync(db, ct);
        var (houses, people) = (0, 0);
        if (makePeople is not null)
        {
            var filler = new HouseFiller(plan, makePeople, random, today, now);
            (houses, people) = await filler.WriteAsync(db, ct);
            var fill = new CommunityFill(db, plan, grids, filler.People, filler.Houses, makePeople, random, today, now);
            foreach (var part in CommunityFill.Parts) await part(fill, ct);
        }
        db.AuditSummary = new AuditSummary("Import", nameof(Person), community.ToString(), Infrastructure.Places.OrgCode.Pad(community),
            JsonSerializer.Serialize(new { rows = people, file = "示范数据" }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(1, plan.Count, houses, people);
    }
}
