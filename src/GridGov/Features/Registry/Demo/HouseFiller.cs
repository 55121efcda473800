using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.Houses;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Demo;

// The houses of a community's rooms and the people in them, in proportions like a Nanjing inner
// district: ~62 % owner-occupied families (户主, spouse, children, sometimes a parent; mostly 户籍),
// ~20 % let to one to three tenants (mostly 流动), ~3 % group-rented (8–14 tenants in a small flat),
// ~10 % empty, shop fronts on the road; a few lodgers and foreigners.
sealed class HouseFiller(CommunityPlan plan, DemoPeople makePeople, Random random, DateOnly today, DateTime now)
{
    readonly List<House> houses = [];
    readonly List<(Person Person, Address Room, OccupantRole Role, string Relation)> people = [];

    // After WriteAsync: everyone written, with their keys, their room and their place in the house.
    public IReadOnlyList<(Person Person, Address Room, OccupantRole Role, string Relation)> People => people;
    public IReadOnlyList<House> Houses => houses;

    public async Task<(int Houses, int People)> WriteAsync(GridDbContext db, CancellationToken ct)
    {
        foreach (var room in plan.Rooms) Fill(room);
        await using (var writer = new BulkWriter<House>(db)) await writer.InsertManyAsync(houses, ct);
        await using (var writer = new BulkWriter<Person>(db)) await writer.InsertManyAsync([.. people.Select(p => p.Person)], ct);
        var roomIds = houses.Select(h => h.AddressId).ToList();
        var houseIds = new Dictionary<long, long>();
        foreach (var chunk in roomIds.Chunk(1000))
            foreach (var h in await db.Set<House>().IgnoreQueryFilters().Where(h => chunk.Contains(h.AddressId)).Select(h => new { h.Id, h.AddressId }).ToListAsync(ct))
                houseIds[h.AddressId] = h.Id;
        var personIds = new Dictionary<string, long>();
        foreach (var chunk in people.Select(p => p.Person.IdHash).Chunk(1000))
            foreach (var p in await db.Set<Person>().IgnoreQueryFilters().Where(p => chunk.Contains(p.IdHash)).Select(p => new { p.Id, p.IdHash }).ToListAsync(ct))
                personIds[p.IdHash] = p.Id;
        foreach (var p in people) p.Person.Id = personIds[p.Person.IdHash];
        foreach (var h in houses) h.Id = houseIds[h.AddressId];
        var occupants = people.Select(p => new HouseOccupant
        {
            HouseId = houseIds[p.Room.Id], PersonId = personIds[p.Person.IdHash], Role = p.Role, RelationToHead = p.Relation, GridCode = p.Room.GridCode,
            Source = RecordSource.Imported, SourceSystem = "示范数据", State = VerificationState.Verified, CreatedAt = now, UpdatedAt = now,
        }).ToList();
        await using (var writer = new BulkWriter<HouseOccupant>(db)) await writer.InsertManyAsync(occupants, ct);
        return (houses.Count, people.Count);
    }

    void Fill(Address room)
    {
        var shop = room.Code.Length != AddressCodes.MaxLength;
        var roll = random.NextDouble();
        var use = shop ? HouseUse.Business : roll < 0.62 ? HouseUse.OwnerOccupied : roll < 0.82 ? HouseUse.Rented : roll < 0.85 ? HouseUse.GroupRented
            : roll < 0.95 ? HouseUse.Vacant : HouseUse.Other;
        var area = use == HouseUse.GroupRented ? 35 + random.Next(25) : 45 + random.Next(95);
        var house = new House
        {
            AddressId = room.Id, Use = use, AreaM2 = area, GridCode = room.GridCode, BuildingUse = shop ? "03" : "01",
            RentalPurpose = use is HouseUse.Rented or HouseUse.GroupRented ? "02" : null,
            Source = RecordSource.Imported, SourceSystem = "示范数据", State = VerificationState.Verified, CreatedAt = now, UpdatedAt = now,
        };
        houses.Add(house);
        switch (use)
        {
            case HouseUse.OwnerOccupied:
                var head = Add(room, ResidencyType.Registered, 28, 80, null, OccupantRole.Owner, "02");
                house.OwnerName = head.Name;
                if (random.NextDouble() < 0.8) Add(room, Residency(0.9), 26, 78, head.Gender != "1", OccupantRole.Family, "10");
                for (var k = random.Next(3); k > 0; k--)
                {
                    var son = random.Next(2) == 0;
                    Add(room, ResidencyType.Registered, 0, 25, son, OccupantRole.Family, son ? "20" : "30");
                }
                if (random.NextDouble() < 0.12) Add(room, Residency(0.7), 60, 92, null, OccupantRole.Family, random.Next(2) == 0 ? "51" : "52");
                break;
            case HouseUse.Rented or HouseUse.GroupRented:
                house.OwnerName = DemoNames.Name(random, random.Next(2) == 0);
                var tenants = use == HouseUse.GroupRented ? 8 + random.Next(7) : 1 + random.Next(3);
                for (var k = 0; k < tenants; k++)
                    Add(room, random.NextDouble() < 0.006 ? ResidencyType.Foreigner : Residency(0.22), 18, 60, null, OccupantRole.Tenant, k == 0 ? "02" : "99");
                house.Tenants = tenants;
                house.Overcrowded = House.IsOvercrowded(tenants, area);
                break;
            case HouseUse.Business:
                house.OwnerName = DemoNames.Name(random, random.Next(2) == 0);
                break;
        }
    }

    ResidencyType Residency(double registeredShare) =>
        random.NextDouble() < registeredShare ? ResidencyType.Registered : random.NextDouble() < 0.1 ? ResidencyType.Lodger : ResidencyType.Floating;

    Person Add(Address room, ResidencyType residency, int minAge, int maxAge, bool? male, OccupantRole role, string relation)
    {
        var p = makePeople.Make(residency, minAge, maxAge, male, today);
        p.GridCode = room.GridCode;
        p.AddressId = room.Id;
        p.CurrentAddress = room.FullName;
        p.CreatedAt = p.UpdatedAt = now;
        people.Add((p, room, role, relation));
        return p;
    }
}
