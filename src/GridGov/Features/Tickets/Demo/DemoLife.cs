using GridGov.Features.Tickets.Categories;
using GridGov.Features.Tickets.Deadlines;
using static GridGov.Features.Tickets.TicketAction;

namespace GridGov.Features.Tickets.Demo;

// One ticket's history, written step by step as TicketActions would write it: every step must be a
// row of TicketFlow.Table whose guard holds, has the same effect on the ticket (assignments,
// deadlines, counters, version) and adds the same history row. A step after the present is not
// taken: the ticket stays where the present finds it.
sealed class DemoLife
{
    readonly Ticket t;
    readonly TicketClock clock;
    readonly DateTime now;

    public DemoLife(Ticket ticket, TicketClock clock, DateTime now, DemoActor reporter)
    {
        (t, this.clock, this.now) = (ticket, clock, now);
        t.State = TicketState.Reported;
        t.UpdatedAt = Cursor = t.ReportedAt;
        t.DueAt = clock.StageDue(t, t.ReportedAt);
        Add(Report, TicketState.Reported, t.ReportedAt, reporter, null, null);
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
    public bool Do(TicketAction action, DateTime at, DemoActor who, string? note = null, long? department = null,
        IReadOnlyList<long>? coDepartments = null, double? days = null, Evaluation? evaluation = null,
        Supervision? level = null, string? result = null, bool followUp = false)
    {
        // Whole seconds, as people read them; never before the step before.
        at = new DateTime(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        if (at < Cursor) at = Cursor;
        if (at > now || (t.State == Hold && action is not (Supervise or AutoSupervise) && !followUp)) return false;
        var step = TicketFlow.Find(t.State, action) ?? throw new InvalidOperationException($"{t.State} --{action}--> is not in the table");
        if (!TicketFlow.Holds(step.Guard, t)) throw new InvalidOperationException($"{t.State} --{action}--> guard {step.Guard} does not hold");
        var from = t.State;
        var restart = false;
        long? eventDepartment = null;
        switch (action)
        {
            case Escalate:
                t.CentreCode = OrgCode.Parent(t.CentreCode) ?? t.CentreCode;
                restart = true;
                break;
            case Dispatch:
                Assign(department ?? throw new ArgumentNullException(nameof(department)), coDepartments ?? [], at);
                eventDepartment = department;
                break;
            case Return:
                eventDepartment = t.LeadDepartmentId;
                foreach (var a in t.Assignments) a.Active = false;
                t.LeadDepartmentId = null;
                t.ReturnCount++;
                break;
            case RequestExtension or RequestShelve:
                t.Pending = action == RequestExtension ? PendingRequest.Extension : PendingRequest.Shelve;
                t.PendingNote = note;
                t.PendingDays = action == RequestExtension ? days : null;
                eventDepartment = t.LeadDepartmentId;
                break;
            case ApproveExtension:
                t.HandleDueAt = clock.Calendar.AddWorkingDays(t.HandleDueAt ?? at, t.PendingDays ?? 0);
                t.ExtensionCount++;
                ClearPending();
                restart = true;
                break;
            case DenyExtension or DenyShelve or ApproveShelve:
                ClearPending();
                break;
            case Resume:
                t.HandleDueAt = clock.Due(at, t.HandleLimit);
                break;
            case ReportBack:
                t.Result = note;
                eventDepartment = t.LeadDepartmentId;
                break;
            case VerifyFail:
                t.ReworkCount++;
                t.HandleDueAt = clock.Due(at, t.HandleLimit);
                break;
            case Close:
                t.ClosedAt = at;
                break;
            case CloseWithPrimary:
                t.Result = result;
                t.ClosedAt = at;
                break;
            case Evaluate:
                t.Evaluation = evaluation;
                t.EvaluationNote = note;
                break;
            case Supervise or AutoSupervise:
                t.Supervision = level ?? throw new ArgumentNullException(nameof(level));
                break;
        }
        t.State = step.To;
        // A follow-up (a dispatch rule acting on acceptance) is part of the same change.
        if (!followUp) t.Version++;
        t.UpdatedAt = at;
        if (step.To != from || restart) t.DueAt = clock.StageDue(t, at);
        if (t.State is TicketState.Closed or TicketState.Rejected) EndedAt ??= at;
        Add(action, from, at, who, note, eventDepartment);
        return true;
    }

    void Add(TicketAction action, TicketState from, DateTime at, DemoActor who, string? note, long? department)
    {
        t.Events.Add(new TicketEvent
        {
            At = at, ActorId = who.Id, ActorName = who.Name, Action = action, From = from, To = t.State, Note = note, DepartmentId = department,
        });
        Cursor = at;
    }

    void Assign(long lead, IEnumerable<long> co, DateTime at)
    {
        foreach (var a in t.Assignments) a.Active = false;
        t.Assignments.Add(new TicketAssignment { DepartmentId = lead, Lead = true, Active = true, AssignedAt = at });
        foreach (var d in co.Where(d => d != lead).Distinct())
            t.Assignments.Add(new TicketAssignment { DepartmentId = d, Lead = false, Active = true, AssignedAt = at });
        t.LeadDepartmentId = lead;
        t.HandleDueAt = clock.Due(at, t.HandleLimit);
    }

    void ClearPending()
    {
        t.Pending = PendingRequest.None;
        t.PendingNote = null;
        t.PendingDays = null;
    }
}
