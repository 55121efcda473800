using GridGov.Features.Organization;
using GridGov.Features.Tickets;
using GridGov.Features.Tickets.Categories;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Analytics.Keywords;

// The tickets a keyword was found in, in the unit and period, newest first, as the ticket lists show
// them. For a caller who sees only part of the area each is checked against the tickets' own data
// scope, and the tickets are read through it in any case, so the list never holds what the caller
// could not open.
public sealed class ListKeywordTickets(GridDbContext db, KeywordAreas areas, KeywordCounter counter, CategoryCatalog categories, Places places, TimeProvider clock)
{
    public async Task<Result<PagedResult<TicketSummary>>> HandleAsync(KeywordWordQuery q, CancellationToken ct = default)
    {
        var (page, size, bad) = Paging.Of(q.Page, q.PageSize, 10, 100);
        if (bad is not null) return Result<PagedResult<TicketSummary>>.Invalid(bad);
        if (string.IsNullOrWhiteSpace(q.Word)) return Result<PagedResult<TicketSummary>>.Invalid("word", "请指定关键词");
        var now = clock.GetUtcNow().UtcDateTime;
        var period = KeywordPeriod.Parse(q.From, q.To, ChinaTime.DateOf(now));
        if (!period.Succeeded) return period.As<PagedResult<TicketSummary>>();
        var p = period.Value!;
        if (await areas.FindAsync(q.Unit, ct) is not { } area) return Result<PagedResult<TicketSummary>>.NotFound();
        if (await counter.TermAsync(q.Word, ct) is not { } term) return Result<PagedResult<TicketSummary>>.Ok(new([], 0, page, size));

        // A caller who sees only part of the area has each row checked against the tickets' scope (Raw).
        var rows = counter.Raw(area, p.From, p.To).Where(k => k.TermId == term);
        var total = await rows.CountAsync(ct);
        var ids = await rows.OrderByDescending(k => k.TicketId).Skip((page - 1) * size).Take(size).Select(k => k.TicketId).ToListAsync(ct);
        var tickets = await db.Tickets.AsNoTracking().Where(t => ids.Contains(t.Id)).OrderByDescending(t => t.Id).ToListAsync(ct);
        var leadIds = tickets.Where(t => t.LeadDepartmentId != null).Select(t => t.LeadDepartmentId!.Value).Distinct().ToList();
        var leads = await db.Departments.AsNoTracking().Where(d => leadIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var items = new List<TicketSummary>();
        foreach (var t in tickets)
            items.Add(new(t.Id, Ticket.NumberOf(t.Id, t.ReportedAt), categories.CodeOf(t.CategoryId), categories.PathName(t.CategoryId),
                t.Description, t.Address, t.GridCode, await places.NameAsync(t.GridCode, ct), t.State, TicketFlow.StateName(t.State), t.Source,
                t.Urgent, t.Supervision, t.ReportedAt, t.DueAt, t.DueAt < now && t.IsOpen,
                t.LeadDepartmentId is { } lead ? leads.GetValueOrDefault(lead) : null));
        return Result<PagedResult<TicketSummary>>.Ok(new(items, total, page, size));
    }
}
