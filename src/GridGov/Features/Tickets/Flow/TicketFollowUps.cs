using GridGov.Features.Organization;
using GridGov.Features.Tickets.Deadlines;
using GridGov.Features.Tickets.Dispatching;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using static GridGov.Features.Tickets.TicketAction;

namespace GridGov.Features.Tickets;

// What an action sets off in the same save, beyond the ticket itself: a dispatch rule acting on
// acceptance, the department model learning from a dispatch, duplicates closing with their primary,
// the reporter's notice. Returns the other tickets changed along.
public sealed class TicketFollowUps(GridDbContext db, TicketClock clock, DispatchRules rules, Duplicates.DuplicateLinks links, DepartmentModel model)
{
    public async Task<List<Ticket>> RunAsync(Ticket t, TicketAction action, string? note, DateTime now, CancellationToken ct)
    {
        switch (action)
        {
            case Accept:
                await AutoDispatchAsync(t, now, ct);
                break;
            case Dispatch:
                model.Learn(t.Description, await db.Departments.Where(d => d.Id == t.LeadDepartmentId).Select(d => d.Kind).FirstAsync(ct));
                break;
            case Close:
                var closed = await links.CloseDuplicatesAsync(t, now, ct);
                await Notices.TellReporterAsync(db, t, $"您上报的事件（{Ticket.NumberOf(t.Id, t.ReportedAt)}）已结案：{t.Result}", now, ct);
                return closed;
            case Reject:
                await Notices.TellReporterAsync(db, t, $"您上报的事件（{Ticket.NumberOf(t.Id, t.ReportedAt)}）不予立案：{note}", now, ct);
                break;
        }
        return [];
    }

    // After acceptance the first matching rule dispatches at once, as the system, in the same change.
    async Task AutoDispatchAsync(Ticket t, DateTime now, CancellationToken ct)
    {
        if (await rules.MatchAsync(t, now, ct) is not { } rule) return;
        var step = TicketFlow.Find(TicketState.Accepted, Dispatch)!;
        db.TicketEvents.Add(TicketEffects.Take(clock, t, step, new StepInput($"按派遣规则“{rule.Name}”自动派遣", rule.DepartmentId), now,
            StepActor.System, followUp: true));
    }
}
