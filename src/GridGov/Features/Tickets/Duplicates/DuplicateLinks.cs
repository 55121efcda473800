using GridGov.Features.Tickets.Deadlines;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets.Duplicates;

// Duplicate links (重复事件关联): a duplicate waits for its primary and closes with it, with its result.
public sealed class DuplicateLinks(GridDbContext db, TicketClock clock)
{
    public Task CheckPrimaryAsync(Ticket t, long? primaryId, Dictionary<string, string[]> errors, CancellationToken ct) =>
        CheckPrimaryAsync(t.Id, primaryId, errors, ct);

    // For a ticket not yet written, selfId is 0.
    public async Task CheckPrimaryAsync(long selfId, long? primaryId, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (primaryId is not { } id) { errors["primaryId"] = ["请选择主工单"]; return; }
        if (id == selfId) { errors["primaryId"] = ["不能关联到自身"]; return; }
        var primary = await db.Tickets.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.State }).FirstOrDefaultAsync(ct);
        if (primary is null) errors["primaryId"] = [$"主工单 {id} 不存在或不在您的管理范围内"];
        else if (primary.State == TicketState.Duplicate) errors["primaryId"] = ["主工单本身是重复件，请关联到它的主工单"];
        else if (!Ticket.Open.Contains(primary.State) && primary.State != TicketState.Shelved)
            errors["primaryId"] = ["主工单已办结，不能再关联"];
    }

    // Part of closing the primary, in the same save; returns the duplicates closed. They may lie
    // outside the closer's area (a neighbouring street reported the same thing): they close all the same.
    public async Task<List<Ticket>> CloseDuplicatesAsync(Ticket primary, DateTime now, CancellationToken ct)
    {
        var duplicates = await db.Tickets.IgnoreQueryFilters([GridDbContext.DataScopeFilter])
            .Where(d => d.PrimaryId == primary.Id && d.State == TicketState.Duplicate).ToListAsync(ct);
        var number = Ticket.NumberOf(primary.Id, primary.ReportedAt);
        var step = TicketFlow.Find(TicketState.Duplicate, TicketAction.CloseWithPrimary)!;
        foreach (var d in duplicates)
        {
            var input = new StepInput($"随主工单 {number} 结案：{primary.Result}", Result: primary.Result);
            db.TicketEvents.Add(TicketEffects.Take(clock, d, step, input, now, StepActor.System));
            await Notices.TellReporterAsync(db, d, $"您上报的事件（{Ticket.NumberOf(d.Id, d.ReportedAt)}）已随同一问题的工单 {number} 结案：{primary.Result}", now, ct);
        }
        return duplicates;
    }
}
