using GridGov.Features.Tickets;
using GridGov.Infrastructure.Security;

namespace GridGov.Features.Workbench;

// The ticket queues an account works on, by what its roles let it do (DESIGN.md §5): an acceptor
// accepts what is reported, a dispatcher dispatches and re-dispatches, a department handles what is
// with it, a verifier checks what was handled, a duty chief closes; whoever supervises (or is
// supervised, as a department) follows the late and the supervised. The other queues of the area are
// someone else's work and stay on the command centre's page.
public static class WorkbenchQueues
{
    public static List<TicketQueue> Of(CurrentUser user)
    {
        var queues = new List<TicketQueue>();
        void Add(string permission, params TicketQueue[] q) { if (user.Has(permission)) queues.AddRange(q); }
        if (user.DepartmentId is not null) Add(Permissions.TicketsHandle, TicketQueue.Department);
        Add(Permissions.TicketsAccept, TicketQueue.Reported);
        Add(Permissions.TicketsDispatch, TicketQueue.Accepted, TicketQueue.Returned);
        Add(Permissions.TicketsVerify, TicketQueue.Handled);
        Add(Permissions.TicketsClose, TicketQueue.Verified);
        if (user.Has(Permissions.TicketsSupervise) || user.Has(Permissions.TicketsClose) || (user.DepartmentId is not null && user.Has(Permissions.TicketsHandle)))
            queues.AddRange([TicketQueue.Overdue, TicketQueue.Supervised]);
        return [.. queues.Distinct()];
    }

    // Whether the account follows supervised tickets: it supervises them, or its department is supervised.
    public static bool FollowsSupervision(CurrentUser user) => Of(user).Contains(TicketQueue.Supervised);
}
