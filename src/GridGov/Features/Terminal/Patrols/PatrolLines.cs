using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Patrols;

// The lines of some patrols for a map, shared by the 巡查轨迹 page and the panorama: [lon, lat] pairs
// in time order, thinned to a given number of points (a map cannot show more at its scale).
public static class PatrolLines
{
    public static async Task<Dictionary<long, List<double[]>>> ReadAsync(GridDbContext db, IReadOnlyCollection<long> patrolIds, int maxPoints, CancellationToken ct)
    {
        if (patrolIds.Count == 0) return [];
        var points = await db.Set<PatrolPoint>().AsNoTracking().Where(p => patrolIds.Contains(p.PatrolId))
            .OrderBy(p => p.PatrolId).ThenBy(p => p.At).Select(p => new { p.PatrolId, p.Lon, p.Lat }).ToListAsync(ct);
        return points.GroupBy(p => p.PatrolId).ToDictionary(g => g.Key, g => Thin([.. g.Select(p => new[] { p.Lon, p.Lat })], maxPoints));
    }

    // Every n-th point, keeping the last, so the line keeps its shape and ends where the walk did.
    public static List<double[]> Thin(List<double[]> line, int maxPoints)
    {
        if (line.Count <= maxPoints) return line;
        var step = (int)Math.Ceiling(line.Count / (double)maxPoints);
        var thin = line.Where((_, i) => i % step == 0).ToList();
        if (thin[^1] != line[^1]) thin.Add(line[^1]);
        return thin;
    }
}
