using GridGov.Features.Registry.Addresses;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace GridGov.Features.Registry.Demo;

// A community's addresses as they are generated, written level by level (parents first, so children
// know their parent's key), then read back by code for the houses.
sealed class CommunityPlan(long community, DateTime now)
{
    readonly List<(Address Address, Address? Parent)> all = [];

    public int Count => all.Count;
    public long Community => community;
    public IEnumerable<Address> Rooms => all.Select(a => a.Address).Where(a => a.Kind == AddressKind.Room);

    public Address Add(Address? parent, AddressKind kind, int serial, string name, long grid, Coordinate? point)
    {
        var a = new Address
        {
            Kind = kind, Code = AddressCodes.Child(parent?.Code ?? community.ToString(), kind, serial), Name = name,
            FullName = (parent?.FullName ?? "") + name, CommunityCode = community, GridCode = grid,
            Lon = point?.X ?? parent?.Lon, Lat = point?.Y ?? parent?.Lat,
            Source = RecordSource.Imported, SourceSystem = "示范数据", State = VerificationState.Verified, CreatedAt = now, UpdatedAt = now,
        };
        all.Add((a, parent));
        return a;
    }

    public async Task WriteAddressesAsync(GridDbContext db, CancellationToken ct)
    {
        await using var writer = new BulkWriter<Address>(db);
        foreach (var level in all.GroupBy(a => a.Address.Code.Length).OrderBy(g => g.Key))
        {
            foreach (var (a, parent) in level) a.ParentId = parent?.Id;
            await writer.InsertManyAsync([.. level.Select(l => l.Address)], ct);
            var prefix = community.ToString();
            var length = level.Key;
            var ids = await db.Set<Address>().IgnoreQueryFilters().Where(x => x.CommunityCode == community && x.Code.Length == length)
                .Select(x => new { x.Id, x.Code }).ToDictionaryAsync(x => x.Code, x => x.Id, ct);
            foreach (var (a, _) in level) a.Id = ids[a.Code];
        }
    }
}
