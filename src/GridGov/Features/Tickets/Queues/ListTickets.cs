using GridGov.Features.Organization;
using GridGov.Features.Tickets.Categories;
using GridGov.Features.Tickets.Deadlines;
using GridGov.Features.Tickets.Intake;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets;

// A page of a queue (or of any filter) in the caller's area, newest first (overdue: most overdue first)
// unless sorted otherwise.
public sealed class ListTickets(GridDbContext db, CurrentUser user, CategoryCatalog categories, TicketClock clock, Places places)
{
    // Names of grids and departments are shown on every row the caller may see.
    static readonly string[] ScopeFilter = [GridDbContext.DataScopeFilter];

    // Totals are counted up to this many: people page near the top, and counting a big archive is slow.
    const int CountCap = 10_000;

    // The orders a list can be sorted in: report time (ids are given in report order, so the id
    // indexes serve it) and deadline (its own index); a minus sign is descending.
    public static readonly string[] Sorts = ["-reportedAt", "reportedAt", "dueAt", "-dueAt"];

    // Query-string enums are read by Enum.TryParse, which takes any number ("source=99").
    internal static Dictionary<string, string[]>? CheckQuery(TicketQuery q) =>
        q.Queue is { } queue && !Enum.IsDefined(queue) ? new() { ["queue"] = ["队列不存在"] }
        : q.Source is { } source && !Enum.IsDefined(source) ? new() { ["source"] = ["来源不存在"] }
        : q.From is { } from && !SaneDate(from) ? new() { ["from"] = ["起始日期应在 2000 年至 2100 年之间"] }
        : q.To is { } to && !SaneDate(to) ? new() { ["to"] = ["截止日期应在 2000 年至 2100 年之间"] }
        : q.Sort is { } sort && !Sorts.Contains(sort) ? new() { ["sort"] = ["排序方式不存在，可选：上报时间（reportedAt）或时限（dueAt），前加减号为倒序"] }
        : null;

    // Tickets lie in this century; a date such as 9999-12-31 would overflow the end-of-day arithmetic.
    static bool SaneDate(DateOnly d) => d.Year is >= 2000 and <= 2100;

    public async Task<Result<TicketList>> HandleAsync(TicketQuery q, CancellationToken ct = default)
    {
        var (page, size, bad) = Paging.Of(q.Page, q.PageSize, 20, 100);
        if (bad is not null || (bad = CheckQuery(q)) is not null) return Result<TicketList>.Invalid(bad);
        var total = await CountAsync(q, ct);
        var ordered = Ordered(q, total);
        var now = clock.Now;
        var rows = await ordered.Skip((page - 1) * size).Take(size)
            .Select(t => new
            {
                t.Id, t.CategoryId, t.Description, t.Address, t.GridCode, t.State, t.Source, t.Urgent, t.Supervision, t.ReportedAt, t.DueAt, t.LeadDepartmentId,
            }).ToListAsync(ct);
        // Names apart from the query above: IgnoreQueryFilters inside it would lift the scope filter
        // from the tickets too (it applies to the whole query, efcore#13668). Grid names are in memory.
        var grids = new Dictionary<long, string?>();
        foreach (var code in rows.Select(t => t.GridCode).Distinct()) grids[code] = await places.NameAsync(code, ct);
        var leadIds = rows.Where(t => t.LeadDepartmentId != null).Select(t => t.LeadDepartmentId!.Value).Distinct().ToList();
        var leads = await db.Departments.IgnoreQueryFilters(ScopeFilter).AsNoTracking().Where(d => leadIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var items = rows.Select(t => new TicketSummary(t.Id, Ticket.NumberOf(t.Id, t.ReportedAt), categories.CodeOf(t.CategoryId), categories.PathName(t.CategoryId),
            t.Description, t.Address, t.GridCode, grids.GetValueOrDefault(t.GridCode), t.State, TicketFlow.StateName(t.State), t.Source, t.Urgent, t.Supervision, t.ReportedAt, t.DueAt,
            t.DueAt < now && Ticket.Open.Contains(t.State), t.LeadDepartmentId is { } lead ? leads.GetValueOrDefault(lead) : null)).ToList();
        return Result<TicketList>.Ok(new(items, total, page, size));
    }

    // Overdue and supervised tickets are few (open ones only have a deadline): always counted from
    // their own indexes, which SQLite would pass over for an area's code range if it could.
    internal Task<int> CountAsync(TicketQuery q, CancellationToken ct) =>
        Filter(q, walk: q.Queue is TicketQueue.Overdue or TicketQueue.Supervised).Take(CountCap).CountAsync(ct);

    // Which way to the page is cheap, the count says (SQLite plans without the parameters' values,
    // so it cannot know): many matches → walk the (State, Id) index in id order until the page is
    // full, the area checked row by row (matches are then at least CountCap / tickets of that
    // state of what it meets); few → take them all from the area's (State, GridCode) range and
    // sort them, which `Id + 0` asks for by hiding the Id order from the planner. By deadline (and
    // the overdue queue, most overdue first) goes by the deadline index; few are sorted in memory,
    // tickets without a clock last.
    internal IQueryable<Ticket> Ordered(TicketQuery q, int total)
    {
        var overdue = q.Queue == TicketQueue.Overdue;
        var big = total >= CountCap;
        return (q.Sort ?? (overdue ? "dueAt" : "-reportedAt")) switch
        {
            "reportedAt" => big && !overdue ? Filter(q, walk: true).OrderBy(t => t.Id) : Filter(q, walk: overdue).OrderBy(t => t.Id + 0),
            "dueAt" => big || overdue ? Filter(q, walk: true).OrderBy(t => t.DueAt)
                : Filter(q).OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenByDescending(t => t.Id),
            "-dueAt" => big || overdue ? Filter(q, walk: true).OrderByDescending(t => t.DueAt)
                : Filter(q).OrderBy(t => t.DueAt == null).ThenByDescending(t => t.DueAt).ThenByDescending(t => t.Id),
            _ => big && !overdue ? Filter(q, walk: true).OrderByDescending(t => t.Id) : Filter(q, walk: overdue).OrderByDescending(t => t.Id + 0),
        };
    }

    // Queues are the caller's area; what they reported elsewhere is in "我上报的" only. `walk`: the
    // area's code ranges hidden from the index (see Ordered).
    internal IQueryable<Ticket> Filter(TicketQuery q, bool walk = false)
    {
        var now = clock.Now;
        var area = q.Queue == TicketQueue.Mine ? db.Tickets : walk ? db.TicketsOfAreaUnranged : db.TicketsOfArea;
        var t = TicketQueues.InArea(area.AsNoTracking(), q.Area, walk);
        t = q.Queue switch
        {
            null or TicketQueue.All => t,
            // A deadline is set exactly while a ticket is open (TicketClock.StageDue).
            TicketQueue.Overdue => t.Where(x => x.DueAt < now),
            TicketQueue.Supervised => t.Where(x => Ticket.Open.Contains(x.State) && TicketQueues.Marked.Contains(x.Supervision)),
            TicketQueue.Mine => t.Where(x => x.ReporterId == user.UserId),
            TicketQueue.Department => t.Where(x => x.LeadDepartmentId == user.DepartmentId && (Ticket.Open.Contains(x.State) || x.State == TicketState.Shelved)),
            var s => TicketQueues.ByState(t, Enum.Parse<TicketState>(s.ToString()!)),
        };
        if (q.Category is { Length: > 0 } code)
        {
            var ids = categories.All.Where(c => c.Code.StartsWith(code.Trim(), StringComparison.OrdinalIgnoreCase)).Select(c => c.Id).ToList();
            t = t.Where(x => ids.Contains(x.CategoryId));
        }
        if (q.Source is { } source) t = t.Where(x => x.Source == source);
        if (q.From is { } from) { var f = ChinaTime.ToUtc(from.ToDateTime(TimeOnly.MinValue)); t = t.Where(x => x.ReportedAt >= f); }
        if (q.To is { } to) { var e = ChinaTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)); t = t.Where(x => x.ReportedAt < e); }
        // A ticket number (a hotline call-back starts from it) finds that ticket only, by its key.
        if (TicketNumbers.TryParse(q.Keyword, out var number))
            t = t.Where(x => x.Id == number.Id && x.ReportedAt >= number.FromUtc && x.ReportedAt < number.ToUtc);
        else if (q.Keyword is { Length: > 0 } k) t = t.Where(x => x.Description.Contains(k.Trim()) || (x.Address != null && x.Address.Contains(k.Trim())));
        return t;
    }

}
