using GridGov.Features.Registry;
using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.Houses;
using GridGov.Features.Registry.People;
using GridGov.Features.Terminal.Home;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Verify;

// 入户核实: registry records waiting (待核实) in the worker's area — people, houses, addresses —
// done at the door, address by address.
public sealed class VerifyWork(GridDbContext db) : IWorkCounter
{
    public int Order => 20;

    public async Task<WorkItem> CountAsync(Worker w, DateTime now, CancellationToken ct)
    {
        var (from, to) = w.Range;
        var id = w.Id;
        var since = ChinaTime.ToUtc(ChinaTime.FromUtc(now).Date);
        var pending = await db.Set<Person>().CountAsync(p => p.State == VerificationState.Pending && p.GridCode >= from && p.GridCode <= to, ct)
            + await db.Set<House>().CountAsync(h => h.State == VerificationState.Pending && h.GridCode >= from && h.GridCode <= to, ct)
            + await db.Set<Address>().CountAsync(a => a.State == VerificationState.Pending && a.GridCode >= from && a.GridCode <= to, ct);
        var done = await db.Set<Person>().CountAsync(p => p.StateById == id && p.StateAt >= since, ct)
            + await db.Set<House>().CountAsync(h => h.StateById == id && h.StateAt >= since, ct);
        return new("verify", "信息核实", $"/m/verify?worker={w.Id}", pending, 0, done, "按地址逐户核实");
    }
}
