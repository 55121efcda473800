using GridGov.Features.Registry.Dogs;
using GridGov.Infrastructure.Database;

namespace GridGov.Features.Registry.Demo;

// Dogs of the community: ~8 % of the lived-in households keep one, kept by the household's head; small
// breeds mostly (the inner city bans large and dangerous ones, but a few are registered all the same and
// flagged), each licensed for a year at some point of the last one, vaccinated once a year — so some
// licences and vaccinations are due or overdue.
static class DogDemo
{
    static readonly (string Breed, double Weight)[] Breeds =
    [
        ("泰迪", 18), ("比熊", 10), ("柯基", 9), ("博美", 7), ("柴犬", 7), ("中华田园犬", 10), ("金毛", 6), ("拉布拉多", 5), ("雪纳瑞", 5),
        ("法国斗牛犬", 4), ("边境牧羊犬", 4), ("萨摩耶", 3), ("吉娃娃", 3), ("西高地白梗", 2), ("哈士奇", 3), ("阿拉斯加雪橇犬", 1), ("德国牧羊犬", 1), ("藏獒", 0.5),
    ];

    static readonly string[] Names = ["豆豆", "旺财", "球球", "毛毛", "乐乐", "可乐", "多多", "小白", "黑豆", "花花", "团团", "布丁", "元宝", "糖糖", "大黄", "奶茶"];
    static readonly string[] Colours = ["白", "黑", "黄", "棕", "黑白", "黄白", "灰", "奶油"];

    public static async Task FillAsync(CommunityFill fill, CancellationToken ct)
    {
        var random = fill.Random;
        var total = Breeds.Sum(b => b.Weight);
        var dogs = new List<Dog>();
        foreach (var household in fill.People.GroupBy(p => p.Room.Id))
        {
            if (random.NextDouble() >= 0.08) continue;
            var (keeper, room, _, _) = household.FirstOrDefault(p => p.Relation == "02") is { Person: not null } head ? head : household.First();
            var roll = random.NextDouble() * total;
            var breed = Breeds.First(b => (roll -= b.Weight) < 0 || b == Breeds[^1]).Breed;
            var licensed = random.NextDouble() < 0.9;
            dogs.Add(fill.Record(new Dog
            {
                KeeperId = keeper.Id, KeeperName = keeper.Name, AddressId = room.Id, Name = Names[random.Next(Names.Length)], Breed = breed,
                Colour = Colours[random.Next(Colours.Length)], Gender = random.Next(2) == 0 ? "1" : "2", BornOn = fill.Today.AddDays(-random.Next(120, 12 * 365)),
                Restricted = DogRules.IsRestricted(breed),
                // 宁犬 + the community code within the city (district, street, community) + a serial.
                LicenceNo = licensed ? $"宁犬{fill.Plan.Community % 100_000_000:00000000}{dogs.Count + 1:000}" : null,
                LicenceExpires = licensed ? fill.Today.AddDays(random.Next(-40, 366)) : null,
                VaccinatedOn = random.NextDouble() < 0.95 ? fill.Today.AddDays(-random.Next(0, 420)) : null,
            }, room.GridCode));
        }
        await using var writer = new BulkWriter<Dog>(fill.Db);
        await writer.InsertManyAsync(dogs, ct);
    }
}
