using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using static GridGov.Features.Tickets.TicketAction;

namespace GridGov.Features.Tickets;

// Where the caller stands to one ticket, beyond their permissions (ADR 0008): whether it lies in
// their area (their scope without "reported by me"), whether they reported it, whether they handled
// it (reported back or handled it themselves).
public sealed record TicketStanding(bool InArea, bool Reported, bool Handled)
{
    public static TicketStanding Of(Ticket t, Infrastructure.Security.DataScope scope, long? userId, IEnumerable<TicketEvent> events) =>
        new(TicketScope.InArea(scope, t.GridCode, TicketScope.ActiveDepartments(t)),
            userId is { } me && t.ReporterId == me,
            userId is { } i && events.Any(e => e.ActorId == i && e.Action is ReportBack or SelfHandle));

    public static async Task<TicketStanding> LoadAsync(GridDbContext db, Ticket t, Infrastructure.Security.DataScope scope, long? userId, CancellationToken ct)
    {
        var handled = userId is { } me && await db.TicketEvents.AnyAsync(e => e.TicketId == t.Id && e.ActorId == me
            && (e.Action == ReportBack || e.Action == SelfHandle), ct);
        return Of(t, scope, userId, []) with { Handled = handled };
    }
}

// Acting needs the area, and nobody checks their own work (ADR 0008).
public static class TicketDuties
{
    // Null when the caller may take the step on this ticket as far as area and duties go; else why not.
    public static string? Refusal(Transition step, TicketStanding s)
    {
        // Evaluating is the reporter's, wherever the report lies; every other step is handling.
        if (step.Action != Evaluate && !s.InArea)
            return "该工单不在您的管理范围内：您上报的工单只能查看和评价，不能办理";
        if (step.Action is VerifyPass or VerifyFail or Close && s.Handled)
            return "不能核查或结案自己处置的工单，请由其他人员办理";
        if (step.Action is Close && s.Reported)
            return "不能为自己上报的工单结案，请由其他人员办理";
        return null;
    }
}
