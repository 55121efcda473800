using System.Text.Json;
using GridGov.Features.Registry.Addresses;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Patrols;

// Positions of a patrol, in batches: the phone sends what it recorded every half minute or so, and
// what it kept while offline when the network is back. Only the patrol's own worker sends them (404
// for anyone else). A finished patrol still takes points recorded before its end — an offline phone's
// points arrive after the end it queued later. Points with bad coordinates, an accuracy worse than
// 200 m or a time outside the patrol are dropped and counted in the answer; a point already stored
// (same time) is not stored again. The totals are worked out again from the whole track, as late
// points may fall anywhere in it. One save, audited as one summary rather than a record per point.
public sealed class AddPatrolPoints(GridDbContext db, CurrentUser user, TimeProvider clock)
{
    public const string Action = "PatrolPoints";
    public const int MaxPoints = 2000;
    public const double MaxAccuracy = 200;
    // Clocks of phones and server differ a little; a point this close outside the patrol is its own.
    static readonly TimeSpan Slack = TimeSpan.FromMinutes(1);

    public async Task<Result<PointsAdded>> HandleAsync(long id, AddPatrolPointsRequest r, CancellationToken ct = default)
    {
        if (r.Points is null) return Result<PointsAdded>.Invalid("points", "请提供轨迹点");
        if (r.Points.Count > MaxPoints) return Result<PointsAdded>.Invalid("points", $"一次最多提交 {MaxPoints} 个轨迹点，请分批提交");
        var patrol = await db.Set<Patrol>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (patrol is null || patrol.WorkerId != user.UserId) return Result<PointsAdded>.NotFound();

        var now = clock.GetUtcNow().UtcDateTime;
        var earliest = patrol.StartedAt - Slack;
        var latest = patrol.EndedAt is { } end ? end + Slack : now + Slack;
        var stored = await db.Set<PatrolPoint>().AsNoTracking().Where(p => p.PatrolId == id)
            .Select(p => new { p.At, p.Lon, p.Lat, p.AddressId }).ToListAsync(ct);
        var seen = stored.Select(p => p.At).ToHashSet();
        int badPlace = 0, inaccurate = 0, outside = 0, repeated = 0;
        var fresh = new List<PatrolPoint>();
        foreach (var p in r.Points)
        {
            if (p is null || !TrackMath.ValidCoordinates(p.Lon, p.Lat)) { badPlace++; continue; }
            if (p.Accuracy is { } acc && (!double.IsFinite(acc) || acc < 0 || acc > MaxAccuracy)) { inaccurate++; continue; }
            // Whole milliseconds, as every database keeps them: a point sent again matches its stored self.
            var utc = PatrolReads.Utc(p.At);
            var at = new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
            if (at < earliest || at > latest) { outside++; continue; }
            if (!seen.Add(at)) { repeated++; continue; }
            fresh.Add(new PatrolPoint
            {
                PatrolId = id, GridCode = patrol.GridCode, At = at, Lon = Math.Round(p.Lon, 7), Lat = Math.Round(p.Lat, 7),
                Accuracy = p.Accuracy is { } a ? Math.Round(a, 1) : null, AddressId = p.AddressId,
            });
        }
        // A scanned address the worker cannot see (or that does not exist) leaves the point a plain position.
        var named = fresh.Where(p => p.AddressId is not null).Select(p => p.AddressId!.Value).Distinct().ToList();
        if (named.Count > 0)
        {
            var known = (await db.Set<Address>().Where(a => named.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
            foreach (var p in fresh) if (p.AddressId is { } a && !known.Contains(a)) p.AddressId = null;
        }

        var dropped = badPlace + inaccurate + outside;
        var reasons = new[]
        {
            badPlace > 0 ? $"坐标无效 {badPlace} 个" : null,
            inaccurate > 0 ? $"定位精度差于 {MaxAccuracy:0} 米 {inaccurate} 个" : null,
            outside > 0 ? $"时间不在巡查期间 {outside} 个" : null,
        }.OfType<string>();
        var message = dropped > 0 ? $"已舍弃 {dropped} 个轨迹点（{string.Join("，", reasons)}）" : null;
        if (fresh.Count == 0)
            return Result<PointsAdded>.Ok(new(id, 0, repeated, dropped, message, patrol.PointCount, patrol.DistanceMeters, patrol.ScanCount));

        var track = stored.Select(p => (p.At, p.Lon, p.Lat)).Concat(fresh.Select(p => (p.At, p.Lon, p.Lat)));
        patrol.PointCount = stored.Count + fresh.Count;
        patrol.DistanceMeters = TrackMath.Distance(track);
        patrol.ScanCount = stored.Select(p => p.AddressId).Concat(fresh.Select(p => p.AddressId)).OfType<long>().Distinct().Count();
        db.AddRange(fresh);
        db.AuditSummary = new AuditSummary(Action, nameof(Patrol), patrol.Id.ToString(), patrol.GridCode, JsonSerializer.Serialize(new
        {
            Added = fresh.Count, Dropped = dropped, patrol.PointCount, patrol.DistanceMeters, patrol.ScanCount,
        }));
        await db.SaveChangesAsync(ct);
        return Result<PointsAdded>.Ok(new(id, fresh.Count, repeated, dropped, message, patrol.PointCount, patrol.DistanceMeters, patrol.ScanCount));
    }
}
