using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.Houses;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Database;

namespace GridGov.Features.Registry.Demo;

// What a community's generated registry offers the parts generated after its people: the addresses,
// the grids, everyone with their key and room, the houses. Each part (units, focus subjects, party,
// dogs, permits, components) writes its own rows with BulkWriter in the community's transaction.
sealed record CommunityFill(
    GridDbContext Db, CommunityPlan Plan, IReadOnlyList<long> Grids,
    IReadOnlyList<(Person Person, Address Room, OccupantRole Role, string Relation)> People, IReadOnlyList<House> Houses,
    DemoPeople MakePeople, Random Random, DateOnly Today, DateTime Now)
{
    // In this order: party members may belong to a unit's branch, focus subjects need people.
    public static readonly Func<CommunityFill, CancellationToken, Task>[] Parts =
    [
        UnitDemo.FillAsync, PartyDemo.FillAsync, FocusDemo.FillAsync, DogDemo.FillAsync, PermitDemo.FillAsync, ComponentDemo.FillAsync,
    ];

    // A demo row's record block: imported from the demo source, verified, in its grid.
    public T Record<T>(T r, long grid) where T : RegistryRecord
    {
        r.GridCode = grid;
        r.Source = RecordSource.Imported;
        r.SourceSystem = "示范数据";
        r.State = VerificationState.Verified;
        r.CreatedAt = r.UpdatedAt = Now;
        return r;
    }
}
