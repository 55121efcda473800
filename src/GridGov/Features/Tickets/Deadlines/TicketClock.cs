using GridGov.Features.Tickets.Categories;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets.Deadlines;

// Deadlines on the working calendar (DESIGN.md §5): the category's limits counted in working hours or
// days, skipping weekends and public holidays and counting adjusted working days. The calendar is
// loaded once and again whenever someone edits it.
public sealed class TicketClock(GridDatabase database, IConfiguration config, TimeProvider time, ILogger<TicketClock>? log = null)
{
    volatile WorkCalendar? calendar;

    static readonly Limit Fallback = new(1, LimitUnit.Days);

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public WorkCalendar Calendar => calendar ?? throw new InvalidOperationException("The working calendar is not loaded yet.");

    public async Task LoadAsync(CancellationToken ct = default)
    {
        await using var db = database.CreateUnscoped(AuditActor.System);
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
        var hours = config["GridGov:WorkingHours"] is { Length: > 0 } text ? WorkingHours.Parse(text) : WorkingHours.Default;
        calendar = new WorkCalendar(days, hours);
    }

    // Urgent categories carry their own short limits; an urgent mark puts a ticket first in its
    // queue rather than changing its deadlines (the limits are what the city's rules promise).
    public DateTime Due(DateTime fromUtc, string limit)
    {
        // A limit that cannot be read (stored before limits were checked strictly, or edited in the
        // database) must not stop the ticket for good: it counts as one working day, and is logged.
        if (!Limit.TryParse(limit, out var l))
        {
            log?.LogWarning("Unreadable ticket limit {Limit}; one working day is used instead", limit);
            l = Fallback;
        }
        return l.Unit == LimitUnit.Hours ? Calendar.AddWorkingHours(fromUtc, l.Amount) : Calendar.AddWorkingDays(fromUtc, l.Amount);
    }

    // The deadline of the stage a ticket has just entered, from now.
    public DateTime? StageDue(Ticket t, DateTime now) => t.State switch
    {
        TicketState.Reported => Due(now, t.AcceptLimit),
        TicketState.Accepted or TicketState.Returned => Due(now, t.DispatchLimit),
        TicketState.Dispatched => t.HandleDueAt,
        TicketState.Handled or TicketState.Verified => Due(now, t.VerifyLimit),
        _ => null,
    };

    // Working time left (negative when overdue), for the deadline clock on the ticket page.
    public TimeSpan? Remaining(DateTime? dueAt) => dueAt is { } due ? Calendar.WorkingTimeBetween(Now, due) : null;
}
