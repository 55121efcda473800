using GridGov.Features.Organization;
using GridGov.Features.Terminal.Patrols;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Places;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Panorama;

// A patrol on the panorama's map: times in China time (what the tooltip shows), its line thinned.
public sealed record PanoramaTrack(long Id, string WorkerName, string GridName, DateTime StartedAt, DateTime? EndedAt, double Km, List<double[]> Line);

public sealed record PanoramaTracks(List<PanoramaTrack> Tracks, int Total, int Limit);

// The panorama's 巡查轨迹 layer: the patrols started inside the unit in the period, newest first,
// capped (a city's year holds far more walks than a map can show; the total says how many) and each
// thinned to a few points — at a district's scale a walk is a short stroke. Who walked is named only to
// those who may follow grid workers' work (terminal.team, as /patrols asks); a dispatcher or duty
// chief sees where patrols went, each as 网格员.
public sealed class GetPanoramaTracks(GridDbContext db, CurrentUser user, TimeProvider clock, Places places)
{
    public const int Limit = 200;
    public const int MaxPointsPerTrack = 120;
    public const string Unnamed = "网格员";

    public async Task<Result<PanoramaTracks>> HandleAsync(long unit, PanoramaPeriod period, CancellationToken ct = default)
    {
        if (!user.Scope.SeesAllOf(unit) || !await db.OrgUnits.AnyAsync(u => u.Code == unit, ct)) return Result<PanoramaTracks>.NotFound();
        var (lo, hi) = OrgCode.Subtree(unit);
        var today = ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);
        var since = ChinaTime.ToUtc(PanoramaPeriods.Start(period, today).ToDateTime(TimeOnly.MinValue));
        var until = ChinaTime.ToUtc(today.AddDays(1).ToDateTime(TimeOnly.MinValue));
        // The scope's query filter applies too: the patrols are read as the caller.
        var all = db.Set<Patrol>().AsNoTracking().Where(p => p.GridCode >= lo && p.GridCode <= hi && p.StartedAt >= since && p.StartedAt < until);
        var patrols = await all.OrderByDescending(p => p.StartedAt).ThenByDescending(p => p.Id).Take(Limit)
            .Select(p => new { p.Id, p.WorkerName, p.GridCode, p.StartedAt, p.EndedAt, p.DistanceMeters }).ToListAsync(ct);
        var total = patrols.Count < Limit ? patrols.Count : await all.CountAsync(ct);
        var lines = await PatrolLines.ReadAsync(db, [.. patrols.Select(p => p.Id)], MaxPointsPerTrack, ct);
        var named = user.Has(Permissions.TerminalTeam);
        var tracks = new List<PanoramaTrack>();
        foreach (var p in patrols)
            tracks.Add(new(p.Id, named ? p.WorkerName : Unnamed, await places.NameAsync(p.GridCode, ct) ?? p.GridCode.ToString(),
                ChinaTime.FromUtc(p.StartedAt), p.EndedAt is { } e ? ChinaTime.FromUtc(e) : null,
                Math.Round(p.DistanceMeters / 1000, 2), lines.GetValueOrDefault(p.Id) ?? []));
        return Result<PanoramaTracks>.Ok(new(tracks, total, Limit));
    }
}
