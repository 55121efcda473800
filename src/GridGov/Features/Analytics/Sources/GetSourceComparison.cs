using GridGov.Features.Analytics.Trends;
using GridGov.Features.Tickets;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Analytics.Sources;

// GET /api/v1/analytics/sources?unit=&from=&to=
public sealed record SourceQuery(long? Unit, string? From, string? To);

// One row (a major category, a child unit, or one category in one child unit): tickets by source
// group, the public's complaints (热线 + 群众上报) beside what patrols found, and repeat complaints.
public sealed record SourceRow(string Key, string Name, Dictionary<string, long> BySource, long Total, long Complaints, long Patrol,
    double? PatrolShare, long Repeats, double? RepeatRate);

public sealed record SourceReport(long UnitCode, string UnitName, DateOnly From, DateOnly To, List<string> Sources,
    SourceRow All, List<SourceRow> Categories, List<SourceRow> Areas, List<SourceRow> RepeatCells);

// 关联分析: the same area and period by source. Where the public complains about what patrols did not
// find (a low 巡查发现率 = patrol ÷ (patrol + complaints)), and which categories turn into repeat
// complaints (重复投诉率 = tickets linked as repeats ÷ all tickets), by area and category.
public sealed class GetSourceComparison(GridDbContext db, AnalysisUnits units, TrendCounts counts, TimeProvider clock)
{
    public const int MinCell = 3, MaxCells = 10;
    public static readonly string[] Groups = ["12345热线", "群众上报", "网格巡查", "数字城管", "其他"];

    public static string GroupOf(TicketSource s) => s switch
    {
        TicketSource.Hotline => Groups[0], TicketSource.Public => Groups[1], TicketSource.Patrol => Groups[2],
        TicketSource.DigitalCity => Groups[3], _ => Groups[4],
    };

    public async Task<Result<SourceReport>> HandleAsync(SourceQuery q, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var today = ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);
        var to = AnalysisDates.Parse(q.To, "to", "截止日期", errors) ?? today;
        var from = AnalysisDates.Parse(q.From, "from", "起始日期", errors) ?? to.AddDays(-89);
        if (errors.Count == 0 && to < from) errors["to"] = ["截止日期不能早于起始日期"];
        if (errors.Count == 0 && to.DayNumber - from.DayNumber > 366 * 3) errors["from"] = ["期间不能超过 3 年"];
        if (errors.Count > 0) return Result<SourceReport>.Invalid(errors);
        if (await units.FindAsync(q.Unit, ct) is not { } unit) return Result<SourceReport>.NotFound();
        var children = await units.ChildrenAsync(unit.Code, ct);
        var groups = await CategoryGroups.LoadAsync(db, ct);
        var rows = await counts.BySourceAsync([unit.Code, .. children.Select(c => c.Code)], from, to, ct);

        var own = rows.Where(r => r.Code == unit.Code).ToList();
        var categories = own.GroupBy(r => groups.MajorOf(r.Category)).Select(g => Row(g.Key.Code, g.Key.Name, g)).OrderByDescending(r => r.Total).ToList();
        var names = children.ToDictionary(c => c.Code, c => c.Name);
        var areas = children.Select(c => Row(c.Code.ToString(), c.Name, rows.Where(r => r.Code == c.Code))).ToList();
        var cells = rows.Where(r => r.Code != unit.Code).GroupBy(r => (r.Code, Major: groups.MajorOf(r.Category)))
            .Select(g => Row($"{g.Key.Code}/{g.Key.Major.Code}", $"{names[g.Key.Code]} · {g.Key.Major.Name}", g))
            .Where(r => r.Total >= MinCell && r.Repeats > 0).OrderByDescending(r => r.RepeatRate).ThenByDescending(r => r.Repeats).Take(MaxCells).ToList();
        return Result<SourceReport>.Ok(new(unit.Code, unit.Name, from, to, [.. Groups], Row(unit.Code.ToString(), unit.Name, own), categories, areas, cells));
    }

    static SourceRow Row(string key, string name, IEnumerable<(long Code, int Category, TicketSource Source, long N, long Repeats)> rows)
    {
        var list = rows.ToList();
        var by = Groups.ToDictionary(g => g, g => list.Where(r => GroupOf(r.Source) == g).Sum(r => r.N));
        var (total, repeats) = (list.Sum(r => r.N), list.Sum(r => r.Repeats));
        var (complaints, patrol) = (by[Groups[0]] + by[Groups[1]], by[Groups[2]]);
        return new(key, name, by, total, complaints, patrol,
            patrol + complaints == 0 ? null : (double)patrol / (patrol + complaints), repeats, total == 0 ? null : (double)repeats / total);
    }
}
