using GridGov.Features.Tickets.Categories;
using GridGov.Features.Organization;
using GridGov.Features.Tickets.Deadlines;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets;

// One ticket as its page shows it: details, photos, timeline, and the actions this caller may take.
public sealed class TicketQueries(GridDbContext db, CurrentUser user, CategoryCatalog categories, TicketClock clock)
{
    public async Task<TicketDetail?> DetailAsync(long id, CancellationToken ct = default)
    {
        var t = await db.Tickets.AsNoTracking().Include(x => x.Assignments).FirstOrDefaultAsync(x => x.Id == id, ct);
        return t is null ? null : await DetailAsync(t, ct);
    }

    public async Task<TicketDetail> DetailAsync(Ticket t, CancellationToken ct = default)
    {
        var events = await db.TicketEvents.AsNoTracking().Where(e => e.TicketId == t.Id).OrderBy(e => e.Id).ToListAsync(ct);
        var departmentIds = t.Assignments.Select(a => a.DepartmentId).Concat(events.Select(e => e.DepartmentId ?? 0)).Distinct().ToList();
        // Names of departments and units are shown whoever may see the ticket, even outside their own area.
        var departments = await db.Departments.IgnoreQueryFilters([GridDbContext.DataScopeFilter]).AsNoTracking()
            .Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var units = await db.OrgUnits.IgnoreQueryFilters([GridDbContext.DataScopeFilter]).AsNoTracking()
            .Where(u => u.Code == t.GridCode || u.Code == t.CentreCode).ToDictionaryAsync(u => u.Code, u => u.Name, ct);
        // Only the duplicates the caller may open: one linked from a neighbouring street stays unnamed.
        var duplicates = await db.Tickets.Where(d => d.PrimaryId == t.Id).Select(d => d.Id).ToListAsync(ct);
        // Likewise the primary it was linked to: its id only if the caller may open it.
        var primary = t.PrimaryId is { } p && await db.Tickets.AnyAsync(x => x.Id == p, ct) ? p : (long?)null;
        return Build(t, events, departments, units, duplicates, primary);
    }

    // A ticket intake has just written, from what it has in hand: its own history rows, no
    // departments or duplicates yet, the unit names from the grid index.
    public TicketDetail New(Ticket t, string? gridName, string? centreName) =>
        Build(t, t.Events, new Dictionary<long, string>(), new Dictionary<long, string> { [t.GridCode] = gridName ?? "", [t.CentreCode] = centreName ?? "" }, [], t.PrimaryId);

    TicketDetail Build(Ticket t, IReadOnlyList<TicketEvent> events, IReadOnlyDictionary<long, string> departments,
        IReadOnlyDictionary<long, string> units, List<long> duplicates, long? primary)
    {
        var who = CurrentUserFacts.Of(user);
        var standing = TicketStanding.Of(t, user.Scope, user.UserId, events);
        var active = t.Assignments.Where(a => a.Active).ToList();
        return new TicketDetail(t.Id, Ticket.NumberOf(t.Id, t.ReportedAt), t.Version, categories.CodeOf(t.CategoryId), categories.PathName(t.CategoryId),
            t.Description, t.Address, t.Lon, t.Lat, t.GridCode, units.GetValueOrDefault(t.GridCode), t.CentreCode, units.GetValueOrDefault(t.CentreCode),
            t.State, TicketFlow.StateName(t.State), t.Source, t.ReporterId, t.ReporterName, t.Urgent, t.SelfHandled,
            t.Supervision, t.ReportedAt, t.UpdatedAt, t.DueAt, t.HandleDueAt, IsOverdue(t),
            t.LeadDepartmentId, t.LeadDepartmentId is { } lead ? departments.GetValueOrDefault(lead) : null,
            [.. active.Where(a => !a.Lead).Select(a => departments.GetValueOrDefault(a.DepartmentId) ?? a.DepartmentId.ToString())],
            t.ReworkCount, t.ReturnCount, t.ExtensionCount, t.Pending, t.PendingNote, t.PendingDays, primary, duplicates,
            t.Result, t.Evaluation, t.EvaluationNote, t.ClosedAt,
            [.. events.SelectMany(e => e.PhotoList).Distinct()],
            [.. events.Select(e => new TicketEventDto(e.Id, e.At, e.ActorName, e.Action, TicketFlow.ActionName(e.Action), e.From, e.To, e.Note,
                [.. e.PhotoList], e.DepartmentId is { } d ? departments.GetValueOrDefault(d) : null))],
            [.. TicketFlow.Allowed(t, who, standing).Select(x => x.Action).Distinct().Select(a => new AllowedAction(a, TicketFlow.ActionName(a)))]);
    }

    public bool IsOverdue(Ticket t) => t.DueAt is { } due && due < clock.Now && t.IsOpen;
}
