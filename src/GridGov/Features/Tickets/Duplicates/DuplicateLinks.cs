using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets.Duplicates;

// Duplicate links (重复事件关联): a duplicate waits for its primary and closes with it, with its result.
public sealed class DuplicateLinks(GridDbContext db)
{
    public async Task CheckPrimaryAsync(Ticket t, long? primaryId, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (primaryId is not { } id) { errors["primaryId"] = ["请选择主工单"]; return; }
        if (id == t.Id) { errors["primaryId"] = ["不能关联到自身"]; return; }
        var primary = await db.Tickets.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.State }).FirstOrDefaultAsync(ct);
        if (primary is null) errors["primaryId"] = [$"主工单 {id} 不存在或不在您的管理范围内"];
        else if (primary.State == TicketState.Duplicate) errors["primaryId"] = ["主工单本身是重复件，请关联到它的主工单"];
        else if (!Ticket.Open.Contains(primary.State) && primary.State != TicketState.Shelved)
            errors["primaryId"] = ["主工单已办结，不能再关联"];
    }

    // Part of closing the primary, in the same save. Duplicates may lie outside the closer's area
    // (a neighbouring street reported the same thing): they close all the same.
    public async Task CloseDuplicatesAsync(TicketChangeContext c, CancellationToken ct)
    {
        var primary = c.Ticket;
        var duplicates = await db.Tickets.IgnoreQueryFilters([GridDbContext.DataScopeFilter])
            .Where(d => d.PrimaryId == primary.Id && d.State == TicketState.Duplicate).ToListAsync(ct);
        var number = Ticket.NumberOf(primary.Id, primary.ReportedAt);
        foreach (var d in duplicates)
        {
            d.State = TicketState.Closed;
            d.Result = primary.Result;
            d.ClosedAt = c.Now;
            d.DueAt = null;
            d.UpdatedAt = c.Now;
            d.Version++;
            db.TicketEvents.Add(History.Row(d, TicketAction.CloseWithPrimary, TicketState.Duplicate, null, c.Now, $"随主工单 {number} 结案：{primary.Result}"));
            await Notices.TellReporterAsync(db, d, $"您上报的事件（{Ticket.NumberOf(d.Id, d.ReportedAt)}）已随同一问题的工单 {number} 结案：{primary.Result}", c.Now, ct);
            c.AlsoChanged.Add(d);
        }
    }
}
