using GridGov.Features.Organization;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Patrols;

// The tracks of the list's patrols for a map: each as a line of [lon, lat], thinned to a few hundred
// points (a map of a community cannot show more), the most recent patrols first up to a cap.
public sealed class GetPatrolTracks(ListPatrols list, GridGov.Infrastructure.Database.GridDbContext db, Places places)
{
    public const int MaxTracks = 200;
    public const int MaxPointsPerTrack = 400;

    public async Task<Result<PatrolTracks>> HandleAsync(PatrolQuery q, CancellationToken ct = default)
    {
        var filtered = await list.FilterAsync(q, ct: ct);
        if (!filtered.Succeeded) return filtered.As<PatrolTracks>();
        var patrols = await filtered.Value!.Query.OrderByDescending(p => p.StartedAt).Take(MaxTracks + 1).ToListAsync(ct);
        var truncated = patrols.Count > MaxTracks;
        if (truncated) patrols.RemoveAt(MaxTracks);
        var ids = patrols.Select(p => p.Id).ToList();
        var points = ids.Count == 0 ? [] : await db.Set<PatrolPoint>().AsNoTracking().Where(p => ids.Contains(p.PatrolId))
            .OrderBy(p => p.PatrolId).ThenBy(p => p.At).Select(p => new { p.PatrolId, p.Lon, p.Lat }).ToListAsync(ct);
        var byPatrol = points.GroupBy(p => p.PatrolId).ToDictionary(g => g.Key, g => g.Select(p => new[] { p.Lon, p.Lat }).ToList());
        var tracks = new List<PatrolTrack>();
        foreach (var p in patrols)
        {
            var line = byPatrol.GetValueOrDefault(p.Id) ?? [];
            tracks.Add(new(p.Id, p.WorkerName, p.GridCode, await places.NameAsync(p.GridCode, ct) ?? p.GridCode.ToString(), p.StartedAt, p.DistanceMeters, Thin(line)));
        }
        return Result<PatrolTracks>.Ok(new(tracks, truncated));
    }

    // Every n-th point, keeping the last, so the line keeps its shape and ends where the walk did.
    static List<double[]> Thin(List<double[]> line)
    {
        if (line.Count <= MaxPointsPerTrack) return line;
        var step = (int)Math.Ceiling(line.Count / (double)MaxPointsPerTrack);
        var thin = line.Where((_, i) => i % step == 0).ToList();
        if (thin[^1] != line[^1]) thin.Add(line[^1]);
        return thin;
    }
}
