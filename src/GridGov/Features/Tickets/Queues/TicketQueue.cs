using GridGov.Features.Organization;

namespace GridGov.Features.Tickets;

// The command centre's queues (DESIGN.md §5) and the department's "my tickets".
public enum TicketQueue { Reported, Accepted, Dispatched, Returned, Handled, Verified, Overdue, Supervised, Shelved, Closed, Mine, Department, All }

public sealed record TicketQuery(TicketQueue? Queue, string? Category, long? Area, TicketSource? Source,
    DateOnly? From, DateOnly? To, string? Keyword, int? Page, int? PageSize, string? Sort = null);

public sealed record TicketList(List<TicketSummary> Items, int Total, int Page, int PageSize);

// Overdue: how many of them are past their deadline (null for a queue it says nothing of: 督办).
public sealed record QueueCount(TicketQueue Queue, string Name, int Count, int? Overdue = null);

// What the queue use cases share: the queues' names and the area and state filters.
static class TicketQueues
{
    public static string NameOf(TicketQueue q) => q switch
    {
        TicketQueue.Overdue => "超期", TicketQueue.Supervised => "督办", TicketQueue.Mine => "我上报的",
        TicketQueue.Department => "本部门待办", TicketQueue.All => "全部",
        _ => TicketFlow.StateName(Enum.Parse<TicketState>(q.ToString())),
    };

    // "Supervised" as a list of values rather than "not None", so that it is an index lookup.
    public static readonly Supervision[] Marked = [Supervision.Normal, Supervision.Yellow, Supervision.Red];

    public static IQueryable<Ticket> ByState(IQueryable<Ticket> q, TicketState state) => q.Where(x => x.State == state);

    public static IQueryable<Ticket> InArea(IQueryable<Ticket> q, long? area, bool walk = false)
    {
        if (area is not { } code || OrgCode.LevelOf(code) is null) return q;
        var (from, to) = OrgCode.Subtree(code);
        return walk ? q.Where(t => t.GridCode + 0 >= from && t.GridCode + 0 <= to) : q.Where(t => t.GridCode >= from && t.GridCode <= to);
    }
}
