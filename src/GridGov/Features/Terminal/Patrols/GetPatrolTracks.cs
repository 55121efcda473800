using GridGov.Features.Organization;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Patrols;

// The tracks of the list's patrols for a map: each as a line of [lon, lat], thinned to a few hundred
// points (PatrolLines), the most recent patrols first up to a cap.
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
        var lines = await PatrolLines.ReadAsync(db, [.. patrols.Select(p => p.Id)], MaxPointsPerTrack, ct);
        var tracks = new List<PatrolTrack>();
        foreach (var p in patrols)
        {
            var line = lines.GetValueOrDefault(p.Id) ?? [];
            tracks.Add(new(p.Id, p.WorkerName, p.GridCode, await places.NameAsync(p.GridCode, ct) ?? p.GridCode.ToString(), p.StartedAt, p.DistanceMeters, line));
        }
        return Result<PatrolTracks>.Ok(new(tracks, truncated));
    }
}
