using GridGov.Features.Tickets.Deadlines;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets;

public sealed class CountTickets(GridDbContext db, CurrentUser user, TicketClock clock)
{
    // How many tickets wait in each queue of the caller's area (or of `area` within it), and how many
    // of them are overdue: the overdue tickets are counted by state in the one query along the deadline
    // index that counts the 超期 queue.
    public async Task<Result<List<QueueCount>>> HandleAsync(long? area, CancellationToken ct = default)
    {
        var q = TicketQueues.InArea(db.TicketsOfArea.AsNoTracking(), area);
        var now = clock.Now;
        var open = Ticket.Open.Append(TicketState.Shelved).ToArray();
        var byState = await q.Where(t => open.Contains(t.State)).GroupBy(t => t.State).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var late = await TicketQueues.InArea(db.TicketsOfAreaUnranged.AsNoTracking(), area, walk: true).Where(t => t.DueAt < now)
            .GroupBy(t => t.State).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var overdue = late.Sum(x => x.N);
        var supervised = await TicketQueues.InArea(db.TicketsOfAreaUnranged.AsNoTracking(), area, walk: true)
            .CountAsync(t => Ticket.Open.Contains(t.State) && TicketQueues.Marked.Contains(t.Supervision), ct);
        int Of(TicketState s) => byState.FirstOrDefault(x => x.Key == s)?.N ?? 0;
        int Late(TicketState s) => late.FirstOrDefault(x => x.Key == s)?.N ?? 0;
        List<QueueCount> counts = [.. open.Select(s => new QueueCount(Enum.Parse<TicketQueue>(s.ToString()), TicketFlow.StateName(s), Of(s), Late(s)))];
        counts.Insert(6, new(TicketQueue.Overdue, TicketQueues.NameOf(TicketQueue.Overdue), overdue, overdue));
        counts.Insert(7, new(TicketQueue.Supervised, TicketQueues.NameOf(TicketQueue.Supervised), supervised));
        if (user.DepartmentId is { } department)
            counts.Insert(0, new(TicketQueue.Department, TicketQueues.NameOf(TicketQueue.Department),
                await q.CountAsync(t => t.LeadDepartmentId == department && open.Contains(t.State), ct),
                await q.CountAsync(t => t.LeadDepartmentId == department && t.DueAt < now, ct)));
        return Result<List<QueueCount>>.Ok(counts);
    }
}
