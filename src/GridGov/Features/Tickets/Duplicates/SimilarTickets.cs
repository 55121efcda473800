using GridGov.Features.Organization;
using GridGov.Features.Tickets.Categories;
using GridGov.Features.Tickets.Deadlines;
using GridGov.Features.Tickets.Intake;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets.Duplicates;

// Duplicate candidates (DESIGN.md §5): open tickets near in space (the category's radius), in time
// (the last 30 days) and in words (Chinese segmentation), each with a score and the reason in words.
public sealed class SimilarTickets(GridDbContext db, CategoryCatalog categories, TicketClock clock, Places places, TicketWords cache)
{
    const int WindowDays = 30;
    const double MinScore = 0.35;
    static readonly TicketState[] Candidates = [.. Ticket.Open, TicketState.Shelved];

    public async Task<List<DuplicateCandidate>> FindAsync(Ticket t, CancellationToken ct = default)
    {
        var category = categories.Get(t.CategoryId);
        var radius = Math.Max(category?.RadiusMeters ?? 100, 10);
        var since = clock.Now.AddDays(-WindowDays);
        var self = t.Id;
        var q = db.Tickets.AsNoTracking().Where(o => Candidates.Contains(o.State) && o.Id != self && o.ReportedAt >= since);
        if (t.Lat is { } lat && t.Lon is { } lon)
        {
            // The grids the box around the point touches, then the box: a few index lookups.
            var dLat = radius / 111_320.0;
            var dLon = dLat / Math.Max(Math.Cos(lat * Math.PI / 180), 0.01);
            var (west, south, east, north) = (lon - dLon, lat - dLat, lon + dLon, lat + dLat);
            var near = await places.GridsNearAsync(west, south, east, north, ct);
            if (!near.Contains(t.GridCode)) near.Add(t.GridCode);
            // Plain locals in the query: EF Core would compile `lat - dLat` into a delegate per query.
            q = q.Where(o => near.Contains(o.GridCode) && o.Lat >= south && o.Lat <= north && o.Lon >= west && o.Lon <= east);
        }
        else
        {
            var grid = t.GridCode;
            q = q.Where(o => o.GridCode == grid);
        }
        var found = await q.OrderByDescending(o => o.Id).Take(200)
            .Select(o => new { o.Id, o.CategoryId, o.Description, o.State, o.ReportedAt, o.Lat, o.Lon }).ToListAsync(ct);
        if (found.Count == 0) return [];

        // A draft (not yet written, id 0) is segmented afresh: the cache keys by ticket id.
        var words = t.Id == 0 ? ChineseText.Tokens(t.Description) : cache.Of(t.Id, t.Description);
        var now = clock.Now;
        return [.. found.Select(o =>
            {
                double? distance = t.Lat is { } a && t.Lon is { } b && o.Lat is { } c && o.Lon is { } d ? Meters(a, b, c, d) : null;
                if (distance > radius) return null;
                var other = cache.Of(o.Id, o.Description);
                var text = TextSimilarity.Score(words, other);
                var place = distance is { } m ? 1 - m / radius : 0.5;
                var age = Math.Clamp((now - o.ReportedAt).TotalDays / WindowDays, 0, 1);
                var sameCategory = o.CategoryId == t.CategoryId;
                var score = 0.45 * text + 0.3 * place + 0.1 * (1 - age) + (sameCategory ? 0.15 : 0);
                var reason = new List<string> { distance is { } dm ? $"相距 {dm:F0} 米" : "同一网格" };
                if (sameCategory) reason.Add($"同类（{categories.NameOf(o.CategoryId)}）");
                if (TextSimilarity.Shared(words, other) is { Count: > 0 } shared) reason.Add("共同词：" + string.Join("、", shared.Take(5)));
                reason.Add(Ago(now - o.ReportedAt) + "上报");
                return new DuplicateCandidate(o.Id, Ticket.NumberOf(o.Id, o.ReportedAt), o.Description, TicketFlow.StateName(o.State),
                    o.ReportedAt, Math.Round(score, 2), distance is { } x ? Math.Round(x) : null, string.Join("；", reason));
            })
            .OfType<DuplicateCandidate>().Where(x => x.Score >= MinScore).OrderByDescending(x => x.Score).Take(5)];
    }

    static double Meters(double lat1, double lon1, double lat2, double lon2)
    {
        // Equirectangular is exact enough within a few hundred metres.
        var x = (lon2 - lon1) * Math.PI / 180 * Math.Cos((lat1 + lat2) / 2 * Math.PI / 180);
        var y = (lat2 - lat1) * Math.PI / 180;
        return Math.Sqrt(x * x + y * y) * 6_371_000;
    }

    static string Ago(TimeSpan t) => t.TotalMinutes < 60 ? $"{Math.Max(1, (int)t.TotalMinutes)} 分钟前"
        : t.TotalHours < 24 ? $"{(int)t.TotalHours} 小时前" : $"{(int)t.TotalDays} 天前";
}
