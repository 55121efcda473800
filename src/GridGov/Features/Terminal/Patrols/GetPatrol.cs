using GridGov.Features.Registry.Addresses;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Patrols;

// One patrol with its track and the addresses scanned on the way: for its worker, and for whoever
// leads grid work in an area that holds it (terminal.team). Anyone else — another worker, an area
// that does not hold the grid — gets 404.
public sealed class GetPatrol(GridDbContext db, CurrentUser user, PatrolReads reads, TimeProvider clock)
{
    public async Task<Result<PatrolDetail>> HandleAsync(long id, CancellationToken ct = default)
    {
        var patrol = await db.Set<Patrol>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (patrol is null || (patrol.WorkerId != user.UserId && !user.Has(Permissions.TerminalTeam))) return Result<PatrolDetail>.NotFound();
        var points = await db.Set<PatrolPoint>().AsNoTracking().Where(p => p.PatrolId == id).OrderBy(p => p.At)
            .Select(p => new PatrolTrackPoint(p.At, p.Lon, p.Lat, p.Accuracy, p.AddressId)).ToListAsync(ct);
        var ids = points.Where(p => p.AddressId is not null).Select(p => p.AddressId!.Value).Distinct().ToList();
        var names = ids.Count == 0 ? [] : await db.Set<Address>().AsNoTracking().Where(a => ids.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.FullName, ct);
        // Each address once, when it was first scanned.
        var scans = points.Where(p => p.AddressId is not null).GroupBy(p => p.AddressId!.Value)
            .Select(g => new PatrolScan(g.Key, names.GetValueOrDefault(g.Key) ?? "（地址已不可见）", g.Min(p => p.At))).OrderBy(s => s.At).ToList();
        var row = await reads.RowAsync(patrol, clock.GetUtcNow().UtcDateTime, ct);
        return Result<PatrolDetail>.Ok(new(row, patrol.Note, points, scans));
    }
}
