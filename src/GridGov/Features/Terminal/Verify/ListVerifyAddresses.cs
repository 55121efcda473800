using GridGov.Features.Registry;
using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.Houses;
using GridGov.Features.Registry.People;
using GridGov.Features.Terminal.Home;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Verify;

public sealed record VerifyAddress(string Code, string FullName, int People, int Houses);
public sealed record VerifyList(Worker Worker, List<VerifyAddress> Addresses, int Total);

// What waits to be verified in a worker's area, by address: the door-step round. Null when the caller
// may not see that worker's list.
public sealed class ListVerifyAddresses(GridDbContext db, GetWorkList lists, CurrentUser user)
{
    const int Max = 300;

    public async Task<VerifyList?> HandleAsync(long? workerId, CancellationToken ct = default)
    {
        if (await lists.FindAsync(workerId ?? user.UserId ?? 0, ct) is not { } worker) return null;
        var (lo, hi) = worker.Range;
        var people = await (
            from p in db.Set<Person>()
            where p.State == VerificationState.Pending && p.GridCode >= lo && p.GridCode <= hi
            join o in db.Set<HouseOccupant>() on p.Id equals o.PersonId
            join h in db.Set<House>() on o.HouseId equals h.Id
            group p by h.AddressId into g
            select new { AddressId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var houses = await db.Set<House>().Where(h => h.State == VerificationState.Pending && h.GridCode >= lo && h.GridCode <= hi)
            .Select(h => h.AddressId).ToListAsync(ct);
        var counts = people.ToDictionary(p => p.AddressId, p => (People: p.Count, Houses: 0));
        foreach (var a in houses) counts[a] = (counts.GetValueOrDefault(a).People, 1);
        var ids = counts.Keys.ToList();
        var names = await db.Set<Address>().AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Code, a.FullName }).ToListAsync(ct);
        var rows = names.OrderBy(a => a.FullName, StringComparer.Ordinal)
            .Select(a => new VerifyAddress(a.Code, a.FullName, counts[a.Id].People, counts[a.Id].Houses)).ToList();
        return new(worker, rows.Take(Max).ToList(), rows.Count);
    }
}
