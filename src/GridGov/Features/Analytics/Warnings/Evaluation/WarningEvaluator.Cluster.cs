using GridGov.Features.Tickets.Duplicates;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Analytics.Warnings;

// Cluster (a possible collective incident): at least N similar tickets within R metres of one of them
// in the last T hours (Methods/SpaceTimeClusters.cs). Similar: the same class, or — across classes —
// the same problem in words, as the duplicate offers judge it (Tickets' ProblemTerms and word overlap).
public sealed partial class WarningEvaluator
{
    const double AlikeConcepts = 0.5, AlikeWords = 0.5;

    async Task<List<WarningCandidate>> ClusterAsync(GridDbContext db, WarningRule rule, DateTime now, CancellationToken ct)
    {
        var from = now.AddHours(-rule.WindowHours);
        var rows = await TicketsOf(db, rule).Where(t => t.ReportedAt >= from && t.ReportedAt < now && t.Lat != null && t.Lon != null)
            .OrderBy(t => t.Id).Select(t => new { t.Id, t.CategoryId, t.Description, t.Address, t.GridCode, Lon = t.Lon!.Value, Lat = t.Lat!.Value })
            .ToListAsync(ct);
        var used = await UsedAsync(db, rule.Id, rows.Select(r => r.Id), ct);
        rows = [.. rows.Where(r => !used.Contains(r.Id))];
        if (rows.Count < rule.MinCount) return [];
        var text = rows.Select(r => words.Of(r.Id, r.Description)).ToArray();
        var clusters = SpaceTimeClusters.Find([.. rows.Select(r => new ClusterPoint(r.Lon, r.Lat))], rule.RadiusMeters ?? 300, rule.MinCount,
            (a, b) => rows[a].CategoryId == rows[b].CategoryId || Alike(text[a], text[b]));
        var found = new List<WarningCandidate>();
        foreach (var members in clusters)
        {
            var seed = rows[members[0]];
            var ids = members.Select(i => rows[i].Id).Order().ToList();
            var area = CommonUnit(members.Select(i => rows[i].GridCode));
            var name = await NameAsync(area, ct);
            var kinds = string.Join("、", members.Select(i => rows[i].CategoryId).Distinct().Take(4).Select(categories.NameOf));
            var where = seed.Address ?? await NameAsync(seed.GridCode, ct);
            found.Add(new(area, name, $"疑似群体性事件：{name}{rule.RadiusMeters}米内{rule.WindowHours}小时{ids.Count}件相似事件",
                $"{ChinaTime.Format(from)} 至 {ChinaTime.Format(now)}，以“{where}”为中心 {rule.RadiusMeters} 米内上报相似事件 {ids.Count} 件（{kinds}），" +
                $"达到规则“{rule.Name}”的阈值 {rule.MinCount} 件，可能为群体性事件，请核实。",
                EvidenceKeys.OfTickets(rule.Id, ids), ids));
        }
        return found;
    }

    // Across classes: the texts name the same problem and nothing that contradicts it, or share most words.
    static bool Alike(DescriptionWords a, DescriptionWords b) =>
        !ProblemTerms.Contradict(a.Concepts, b.Concepts)
        && (ProblemTerms.Similarity(a.Concepts, b.Concepts) >= AlikeConcepts || TextSimilarity.Score(a.Tokens, b.Tokens) >= AlikeWords);

    // The smallest unit that holds every ticket of a cluster: its command centre is the one to act.
    static long CommonUnit(IEnumerable<long> gridCodes)
    {
        var codes = gridCodes.Distinct().ToList();
        foreach (var level in new[] { OrgLevel.Grid, OrgLevel.Community, OrgLevel.Street, OrgLevel.District })
            if (codes.Select(c => OrgCode.At(c, level)).Distinct().Count() == 1) return OrgCode.At(codes[0], level);
        return OrgCode.At(codes[0], OrgLevel.City);
    }
}
