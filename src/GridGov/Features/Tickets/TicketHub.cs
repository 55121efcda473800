using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;

namespace GridGov.Features.Tickets;

// Live ticket changes for clients outside the office UI (the mobile terminal, a wall screen, another
// system): connect to /hubs/tickets with the bearer token and receive "ticketChanged" for every
// ticket the caller could open as it is reported, moves or runs overdue. The office pages hear the
// same feed through their own circuit.
[Authorize(Policy = Permissions.TicketsAny)]
public sealed class TicketHub(HubScopes<TicketHub> scopes) : ScopedHub<TicketHub>(scopes), IScopedHub<TicketChange>
{
    public const string Path = "/hubs/tickets";
    public static string Method => "ticketChanged";

    // Exactly those who could open the ticket (TicketScope.Sees, the in-memory twin of the query
    // filter): not a "self only" or "own unit only" account for a ticket elsewhere in its unit's
    // area, nor a department the ticket has left.
    public static bool Hears(DataScope scope, TicketChange c) => TicketScope.Sees(scope, c.GridCode, c.ReporterId, c.ActiveDepartments);
}
