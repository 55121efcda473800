using GridGov.Features.Organization;
using GridGov.Features.Tickets.Categories;
using GridGov.Features.Tickets.Deadlines;
using GridGov.Features.Tickets.Intake;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets.Duplicates;

// Duplicate candidates (DESIGN.md §5): open tickets near in space (the category's radius), in time
// (the last 30 days) and in words, each with a score and the reason in words. Words are compared
// twice: as segmented tokens, and as the problem they name (ProblemTerms: 铁盖子 and 窨井盖 are both
// 井盖; 路灯不亮 and 路灯杆撞歪 are one lamp with two faults). A neighbour whose text names another
// object or fault is not offered at all; measured on a labelled set in docs/duplicate-offers.md.
public sealed class SimilarTickets(GridDbContext db, CategoryCatalog categories, TicketClock clock, Places places, TicketWords cache)
{
    const int WindowDays = 30;
    const double MinScore = 0.4;
    const double MinTextAlone = 0.5;
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

        // A draft (not yet written, id 0) is read afresh: the cache keys by ticket id.
        var mine = t.Id == 0 ? DescriptionWords.Of(t.Description) : cache.Of(t.Id, t.Description);
        var concepts = WithCategory(mine.Concepts, category);
        var now = clock.Now;
        return [.. found.Select(o =>
            {
                double? distance = t.Lat is { } a && t.Lon is { } b && o.Lat is { } c && o.Lon is { } d ? Meters(a, b, c, d) : null;
                if (distance > radius) return null;
                var theirs = cache.Of(o.Id, o.Description);
                var otherCategory = categories.Get(o.CategoryId);
                var otherConcepts = WithCategory(theirs.Concepts, otherCategory);
                // Both say what the problem is and it is not the same thing (or fault, setting, shop).
                if (ProblemTerms.Contradict(concepts, otherConcepts)) return null;
                var about = ProblemTerms.Similarity(concepts, otherConcepts);
                var text = TextSimilarity.Score(mine.Tokens, theirs.Tokens);
                // Nearness and class alone never make a duplicate: the texts must name something alike.
                if (about == 0 && text < MinTextAlone) return null;
                var place = distance is { } m ? 1 - m / radius : 0.5;
                var age = Math.Clamp((now - o.ReportedAt).TotalDays / WindowDays, 0, 1);
                var sameCategory = o.CategoryId == t.CategoryId;
                var sameMajor = !sameCategory && category?.ParentCode is { } major && major == otherCategory?.ParentCode;
                var kin = sameCategory ? 1 : sameMajor ? 0.5 : 0;
                var score = 0.4 * about + 0.25 * text + 0.15 * kin + 0.15 * place + 0.05 * (1 - age);
                var reason = new List<string> { distance is { } dm ? $"相距 {dm:F0} 米" : "同一网格" };
                if (sameCategory) reason.Add($"同类（{categories.NameOf(o.CategoryId)}）");
                else if (sameMajor) reason.Add($"同属{categories.Find(category!.ParentCode)?.Name ?? "一个大类"}");
                if (TextSimilarity.Shared(mine.Tokens, theirs.Tokens) is { Count: > 0 } shared) reason.Add("共同词：" + string.Join("、", shared.Take(5)));
                if (ProblemTerms.Shared(concepts, otherConcepts) is { Count: > 0 } same) reason.Add("都说到：" + string.Join("、", same.Take(4)));
                reason.Add(Ago(now - o.ReportedAt) + "上报");
                return new DuplicateCandidate(o.Id, Ticket.NumberOf(o.Id, o.ReportedAt), o.Description, TicketFlow.StateName(o.State),
                    o.ReportedAt, Math.Round(score, 2), distance is { } x ? Math.Round(x) : null, string.Join("；", reason));
            })
            .OfType<DuplicateCandidate>().Where(x => x.Score >= MinScore).OrderByDescending(x => x.Score).Take(5)];
    }

    // A text that names no object ("坏了，很危险") borrows the objects of its class (污水井盖 → 井盖).
    static int[] WithCategory(int[] concepts, TicketCategory? category) =>
        category is null || ProblemTerms.HasThing(concepts) ? concepts
            : [.. concepts.Concat(ProblemTerms.ThingsOfClass(category.Name)).Distinct().Order()];

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
