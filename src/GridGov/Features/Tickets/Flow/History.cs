using GridGov.Infrastructure.Security;

namespace GridGov.Features.Tickets;

// History rows (who, when, from, to, note, photos), made for every change of a ticket.
static class History
{
    public const string SystemName = "系统";

    public static TicketEvent Row(Ticket t, TicketAction action, TicketState from, CurrentUser? user, DateTime now,
        string? note, IEnumerable<string>? photos = null, long? department = null) => new()
    {
        TicketId = t.Id, At = now, ActorId = user?.UserId, ActorName = Actor(user).Name,
        Action = action, From = from, To = t.State, Note = note, DepartmentId = department,
        Photos = photos is null ? null : string.Join(",", photos) is { Length: > 0 } list ? list : null,
    };

    // The caller as a history row names them (the column holds 100 characters); nobody is the system.
    public static StepActor Actor(CurrentUser? user) => user is null ? StepActor.System : new(user.UserId, Cut(user.DisplayName, 100));

    static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}
