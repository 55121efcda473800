using GridGov.Features.Organization;
using GridGov.Features.Tickets.Categories;
using GridGov.Features.Tickets.Deadlines;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Export;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets;

// "导出 Excel" of a queue: every ticket of the list's current filter (all pages, the list's own filter
// and order, so in the caller's scope), one row each, with Chinese headers.
public sealed class ExportTickets(ListTickets list, XlsxExport export, GridDbContext db, CategoryCatalog categories, TicketClock clock, Places places)
{
    static readonly string[] ScopeFilter = [GridDbContext.DataScopeFilter];

    sealed record Row(long Id, int CategoryId, string Description, string? Address, long GridCode, TicketState State, TicketSource Source,
        bool Urgent, Supervision Supervision, DateTime ReportedAt, DateTime? DueAt, long? LeadDepartmentId);

    public async Task<IResult> HandleAsync(TicketQuery q, CancellationToken ct = default)
    {
        if (ListTickets.CheckQuery(q) is { } bad) return ResultHttp.Invalid(bad);
        var ordered = list.Ordered(q, await list.CountAsync(q, ct));
        // Names come from memory: grids from the place index (loaded here, so that the rows below
        // never wait on it), departments — a few per street — read once.
        await places.NameAsync(0, ct);
        var departments = await db.Departments.IgnoreQueryFilters(ScopeFilter).AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var grids = new Dictionary<long, string?>();
        string? Grid(long code) => grids.TryGetValue(code, out var name) ? name
            : grids[code] = places.NameAsync(code, ct).AsTask().GetAwaiter().GetResult();
        var now = clock.Now;
        var rows = ordered.Select(t => new Row(t.Id, t.CategoryId, t.Description, t.Address, t.GridCode, t.State, t.Source,
            t.Urgent, t.Supervision, t.ReportedAt, t.DueAt, t.LeadDepartmentId)).AsEnumerable();
        XlsxColumn<Row>[] columns =
        [
            new("编号", r => Ticket.NumberOf(r.Id, r.ReportedAt), 18),
            new("类别", r => categories.PathName(r.CategoryId), 24),
            new("描述", r => r.Description, 48),
            new("地址", r => r.Address, 28),
            new("网格", r => Grid(r.GridCode), 22),
            new("状态", r => TicketFlow.StateName(r.State), 10),
            new("来源", r => TicketNames.Source(r.Source), 12),
            new("紧急", r => r.Urgent ? "是" : "否", 6),
            new("督办", r => r.Supervision == Supervision.None ? "" : TicketNames.Supervision(r.Supervision), 10),
            new("上报时间", r => ChinaTime.Format(r.ReportedAt), 20),
            new("时限", r => r.DueAt is { } due && Ticket.Open.Contains(r.State) ? ChinaTime.Format(due) : "", 20),
            new("是否超期", r => r.DueAt < now && Ticket.Open.Contains(r.State) ? "是" : "否", 8),
            new("主办部门", r => r.LeadDepartmentId is { } d ? departments.GetValueOrDefault(d) : null, 20),
        ];
        return await export.FileAsync(rows, columns, nameof(Ticket), "工单", Describe(q), ct);
    }

    // What the audit record says was exported: the query as it was asked, in the words of the list's
    // own filters, since auditors read it.
    static string Describe(TicketQuery q) => string.Join("；", new (string, object?)[]
    {
        ("队列", q.Queue is { } queue ? TicketQueues.NameOf(queue) : null), ("类别", q.Category), ("区域", q.Area),
        ("来源", q.Source is { } source ? TicketNames.Source(source) : null), ("起始日期", q.From), ("截止日期", q.To),
        ("关键词", q.Keyword), ("排序", SortName(q.Sort)),
    }.Where(p => p.Item2 is not null && p.Item2.ToString() != "").Select(p => $"{p.Item1}：{p.Item2}"));

    static string? SortName(string? sort) => sort switch
    {
        null or "" => null,
        "reportedAt" => "上报时间（早在前）", "-reportedAt" => "上报时间（新在前）",
        "dueAt" => "时限（早在前）", "-dueAt" => "时限（晚在前）",
        _ => sort,
    };
}
