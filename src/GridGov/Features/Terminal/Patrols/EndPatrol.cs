using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Patrols;

// 结束巡查: only the patrol's own worker (404 for anyone else). The end is when the worker tapped it
// (clientEndedAt, for an end queued offline), never before the start nor after now.
public sealed class EndPatrol(GridDbContext db, CurrentUser user, PatrolReads reads, TimeProvider clock)
{
    public async Task<Result<PatrolRow>> HandleAsync(long id, EndPatrolRequest r, CancellationToken ct = default)
    {
        var note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
        if (note?.Length > 500) return Result<PatrolRow>.Invalid("note", "备注不能超过 500 个字");
        var patrol = await db.Set<Patrol>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (patrol is null || patrol.WorkerId != user.UserId) return Result<PatrolRow>.NotFound();
        if (patrol.EndedAt is { } ended)
            return Result<PatrolRow>.Conflict($"该巡查已于 {ChinaTime.FromUtc(ended):M月d日 HH:mm} 结束", "巡查已结束");
        var now = clock.GetUtcNow().UtcDateTime;
        var end = r.ClientEndedAt is { } at ? PatrolReads.Utc(at) : now;
        if (end > now) end = now;
        if (end < patrol.StartedAt) end = patrol.StartedAt;
        patrol.EndedAt = end;
        patrol.Note = note;
        await db.SaveChangesAsync(ct);
        return Result<PatrolRow>.Ok(await reads.RowAsync(patrol, now, ct));
    }
}
