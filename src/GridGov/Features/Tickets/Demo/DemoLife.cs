using GridGov.Features.Tickets.Categories;
using GridGov.Features.Tickets.Deadlines;
using static GridGov.Features.Tickets.TicketAction;

namespace GridGov.Features.Tickets.Demo;

// One ticket's history, written step by step as the API writes it: every step must be a row of
// TicketFlow.Table whose guard holds, and is taken by TicketEffects, the code ExecuteTicketAction
// uses (same effect, deadlines, version and history row), on the ticket in memory. A step after the
// present is not taken: the ticket stays where the present finds it.
sealed class DemoLife
{
    readonly Ticket t;
    readonly TicketClock clock;
    readonly DateTime now;

    public DemoLife(Ticket ticket, TicketClock clock, DateTime now, StepActor reporter)
    {
        (t, this.clock, this.now) = (ticket, clock, now);
        t.State = TicketState.Reported;
        t.UpdatedAt = Cursor = t.ReportedAt;
        t.DueAt = clock.StageDue(t, t.ReportedAt);
        t.Events.Add(new TicketEvent { At = t.ReportedAt, ActorId = reporter.Id, ActorName = reporter.Name, Action = Report, From = TicketState.Reported, To = TicketState.Reported });
    }

    public Ticket Ticket => t;
    // The time of the last step.
    public DateTime Cursor { get; private set; }
    // When the ticket reached Closed or Rejected; null while it is open (or shelved).
    public DateTime? EndedAt { get; private set; }
    public DateTime Now => now;
    // A state the ticket stops in once reached (its next actor has not acted yet); only supervision
    // and the follow-up of the same change go on. Keeps every queue of the demo non-empty at any hour.
    public TicketState? Hold { get; init; }

    // `amount` of the limit in working time after `from`, at least a few minutes later.
    public DateTime After(DateTime from, string limit, double amount)
    {
        var l = Limit.Parse(limit);
        var span = l.Unit == LimitUnit.Hours ? TimeSpan.FromHours(l.Amount) : clock.Calendar.WorkingHours.PerDay * l.Amount;
        return clock.Calendar.AddWorkingTime(from, span * amount + TimeSpan.FromMinutes(3));
    }

    public DateTime AfterWorkingHours(DateTime from, double hours) => clock.Calendar.AddWorkingHours(from, hours);

    public DateTime AfterWorking(DateTime from, TimeSpan working) => clock.Calendar.AddWorkingTime(from, working);

    public TimeSpan WorkingTimeBetween(DateTime from, DateTime to) => clock.Calendar.WorkingTimeBetween(from, to);

    public TimeSpan WorkingDay => clock.Calendar.WorkingHours.PerDay;

    // Takes the step at `at` (never before the last one) if that is not in the future.
    public bool Do(TicketAction action, DateTime at, StepActor who, string? note = null, long? department = null,
        IReadOnlyList<long>? coDepartments = null, double? days = null, Evaluation? evaluation = null,
        Supervision? level = null, string? result = null, bool followUp = false)
    {
        // Whole seconds, as people read them; never before the step before.
        at = new DateTime(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        if (at < Cursor) at = Cursor;
        if (at > now || (t.State == Hold && action is not (Supervise or AutoSupervise) && !followUp)) return false;
        var step = TicketFlow.Find(t.State, action) ?? throw new InvalidOperationException($"{t.State} --{action}--> is not in the table");
        if (!TicketFlow.Holds(step.Guard, t)) throw new InvalidOperationException($"{t.State} --{action}--> guard {step.Guard} does not hold");
        var input = new StepInput(note, department, coDepartments, Days: days, Evaluation: evaluation, Level: level, Result: result);
        var row = TicketEffects.Take(clock, t, step, input, at, who, followUp);
        if (t.State is TicketState.Closed or TicketState.Rejected) EndedAt ??= at;
        t.Events.Add(row);
        Cursor = at;
        return true;
    }
}
