using GridGov.Features.Terminal.Home;
using GridGov.Features.Tickets;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Checks;

// 现场核查: tickets a department reports handled in the worker's area, waiting for someone to look on
// the spot. A ticket the worker handled themselves (自行处置) is someone else's to check.
public sealed class CheckWork(GridDbContext db) : IWorkCounter
{
    public int Order => 10;

    public IQueryable<Ticket> Waiting(Worker w)
    {
        var (from, to) = w.Range;
        var id = w.Id;
        return db.Tickets.AsNoTracking().Where(t => t.State == TicketState.Handled && t.GridCode >= from && t.GridCode <= to
            && !(t.SelfHandled && t.ReporterId == id));
    }

    public async Task<WorkItem> CountAsync(Worker w, DateTime now, CancellationToken ct)
    {
        var waiting = Waiting(w);
        var since = ChinaTime.ToUtc(ChinaTime.FromUtc(now).Date);
        var id = w.Id;
        return new("checks", "事件核查", $"/m/checks?worker={w.Id}",
            await waiting.CountAsync(ct), await waiting.CountAsync(t => t.DueAt < now, ct),
            await db.TicketEvents.CountAsync(e => e.ActorId == id && e.At >= since && (e.Action == TicketAction.VerifyPass || e.Action == TicketAction.VerifyFail), ct));
    }
}
