using GridGov.Features.Tickets;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Workbench;

// The caller's ticket work for the workbench, from the queues' own use cases (so a tile counts what
// its queue lists): one count of every queue, then a page of each non-empty queue of the caller's
// nearest deadlines first, the supervised ones it follows and its notices. A few queries whatever
// the size of the area: an empty queue is not listed.
public sealed class GetMyWork(CountTickets counts, ListTickets lists, ListNotices notices, CurrentUser user)
{
    public const int UrgentRows = 8, SupervisedRows = 5, NoticeRows = 5;

    public async Task<Result<MyWork>> HandleAsync(CancellationToken ct = default)
    {
        if (!Permissions.TicketWork.Any(user.Has)) return Result<MyWork>.Ok(MyWork.None);
        var all = (await counts.HandleAsync(null, ct)).Value!;
        var mine = WorkbenchQueues.Of(user);
        // A whole city's queues are the districts' and streets' work: its accounts see only where something waits.
        var tiles = all.Where(c => mine.Contains(c.Queue) && !(user.Scope.IsAll && c.Count == 0)).OrderBy(c => mine.IndexOf(c.Queue)).ToList();

        var urgent = new List<UrgentTicket>();
        foreach (var tile in tiles.Where(t => t.Count > 0 && t.Queue != TicketQueue.Supervised))
            urgent.AddRange((await PageAsync(tile.Queue, UrgentRows, ct)).Items.Select(t => new UrgentTicket(tile.Queue, tile.Name, t)));
        // A late ticket of the caller's own queue is listed under that queue, not under 超期.
        urgent = [.. urgent.OrderBy(u => u.Queue == TicketQueue.Overdue).DistinctBy(u => u.Ticket.Id)
            .OrderBy(u => u.Ticket.DueAt is null).ThenBy(u => u.Ticket.DueAt).ThenBy(u => u.Ticket.Id).Take(UrgentRows)];

        var supervisedCount = tiles.FirstOrDefault(t => t.Queue == TicketQueue.Supervised)?.Count ?? 0;
        var supervised = supervisedCount > 0 ? (await PageAsync(TicketQueue.Supervised, SupervisedRows, ct)).Items : [];
        var unread = (await notices.HandleAsync(ct)).Value ?? [];
        return Result<MyWork>.Ok(new(tiles, all, urgent, supervised, supervisedCount, [.. unread.Take(NoticeRows)]));
    }

    async Task<TicketList> PageAsync(TicketQueue queue, int size, CancellationToken ct) =>
        (await lists.HandleAsync(new TicketQuery(queue, null, null, null, null, null, null, 1, size, "dueAt"), ct)).Value!;
}
