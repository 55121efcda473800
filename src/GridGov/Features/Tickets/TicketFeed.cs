using GridGov.Infrastructure.Web;
using System.Text.Json.Serialization;

namespace GridGov.Features.Tickets;

public sealed record TicketChange(long Id, long GridCode, long CentreCode, TicketState State, long? LeadDepartmentId, bool Overdue)
{
    // Who may hear of the change (TicketScope.Sees); kept off the wire.
    [JsonIgnore] public long? ReporterId { get; init; }
    [JsonIgnore] public IReadOnlyList<long> ActiveDepartments { get; init; } = [];
}

// Changes of tickets as they happen, for pages that show queues: a command centre sees a new or
// overdue ticket without reloading. In-process; with several nodes the SignalR hub relays through
// the backplane (DESIGN.md §3).
public sealed class TicketFeed : ILiveFeed<TicketChange>
{
    public event Action<TicketChange>? Changed;

    public void Publish(Ticket t, bool overdue = false) =>
        Changed?.Invoke(new(t.Id, t.GridCode, t.CentreCode, t.State, t.LeadDepartmentId, overdue)
        {
            ReporterId = t.ReporterId, ActiveDepartments = [.. TicketScope.ActiveDepartments(t)],
        });
}
