using GridGov.Features.Analytics.Warnings;
using GridGov.Features.Panorama;
using GridGov.Features.Tickets;

namespace GridGov.Features.Workbench;

// The caller's ticket work: a tile per queue it works on (Tiles, in the order of the command
// centre), every queue of its area (Counts: the area's open tickets by state), its most urgent
// tickets (nearest deadline first), the supervised ones it follows and its unread notices.
public sealed record MyWork(List<QueueCount> Tiles, List<QueueCount> Counts, List<UrgentTicket> Urgent,
    List<TicketSummary> Supervised, int SupervisedTotal, List<NoticeItem> Notices)
{
    public static readonly MyWork None = new([], [], [], [], 0, []);
}

// A ticket of the urgent list with the queue it waits in.
public sealed record UrgentTicket(TicketQueue Queue, string QueueName, TicketSummary Ticket);

// A leader's view of the area: today's figures and the people of the panorama, the newest open warnings.
public sealed record AreaFigures(UnitRef Unit, TodayFigures Today, long People, List<WarningRow> Warnings, int OpenWarnings);
