using GridGov.Features.Organization;
using GridGov.Features.Tickets.Deadlines;
using static GridGov.Features.Tickets.TicketAction;

namespace GridGov.Features.Tickets;

// What an action carries besides the ticket: the inputs its effect reads, already checked.
public sealed record StepInput(string? Note = null, long? DepartmentId = null, IReadOnlyList<long>? CoDepartmentIds = null,
    long? PrimaryId = null, double? Days = null, Evaluation? Evaluation = null, Supervision? Level = null,
    string? Result = null, IReadOnlyList<string>? Photos = null);

// Who takes a step: a person (id and name as the history shows them) or the system.
public sealed record StepActor(long? Id, string Name)
{
    public static readonly StepActor System = new(null, History.SystemName);
}

// What each action does to a ticket besides moving its state, in memory: the one place for it, used
// by ExecuteTicketAction for people, by the overdue watcher and duplicate links for the system, and
// by the demo history, so that a demo ticket is what the API would have made. The transition table
// decides beforehand whether the step may be taken; the inputs are checked beforehand too.
public static class TicketEffects
{
    // Takes the step: the effect, the state, the version (not for a follow-up that is part of the
    // same change, such as a rule's dispatch on acceptance), the stage deadline; returns the history row.
    public static TicketEvent Take(TicketClock clock, Ticket t, Transition step, StepInput input, DateTime at, StepActor who, bool followUp = false)
    {
        var from = t.State;
        var (restart, department) = Apply(clock, t, step.Action, input, at);
        t.State = step.To;
        if (!followUp) t.Version++;
        t.UpdatedAt = at;
        if (step.To != from || restart) t.DueAt = clock.StageDue(t, at);
        return new TicketEvent
        {
            TicketId = t.Id, At = at, ActorId = who.Id, ActorName = who.Name, Action = step.Action, From = from, To = t.State,
            Note = input.Note, DepartmentId = department,
            Photos = input.Photos is { Count: > 0 } photos ? string.Join(",", photos) : null,
        };
    }

    // The effect; says whether the stage clock restarts and which department the history row names.
    static (bool Restart, long? Department) Apply(TicketClock clock, Ticket t, TicketAction action, StepInput r, DateTime at)
    {
        switch (action)
        {
            case Escalate:
                t.CentreCode = OrgCode.Parent(t.CentreCode) ?? t.CentreCode;
                return (true, null);
            case Dispatch:
                Assign(clock, t, r.DepartmentId ?? throw new ArgumentException("A dispatch needs a department.", nameof(r)), r.CoDepartmentIds ?? [], at);
                return (false, r.DepartmentId);
            case Return:
                var returned = t.LeadDepartmentId;
                foreach (var a in t.Assignments) a.Active = false;
                t.LeadDepartmentId = null;
                t.ReturnCount++;
                return (false, returned);
            case RequestExtension or RequestShelve:
                t.Pending = action == RequestExtension ? PendingRequest.Extension : PendingRequest.Shelve;
                t.PendingNote = r.Note;
                t.PendingDays = action == RequestExtension ? r.Days : null;
                return (false, t.LeadDepartmentId);
            case ApproveExtension:
                t.HandleDueAt = clock.Calendar.AddWorkingDays(t.HandleDueAt ?? at, t.PendingDays ?? 0);
                t.ExtensionCount++;
                ClearPending(t);
                return (true, null);
            case DenyExtension or DenyShelve or ApproveShelve:
                ClearPending(t);
                break;
            case Resume:
                t.HandleDueAt = clock.Due(at, t.HandleLimit);
                break;
            case ReportBack or SelfHandle:
                t.Result = r.Note;
                t.SelfHandled |= action == SelfHandle;
                return (false, t.LeadDepartmentId);
            case VerifyFail:
                t.ReworkCount++;
                t.HandleDueAt = clock.Due(at, t.HandleLimit);
                break;
            case Close:
                t.ClosedAt = at;
                break;
            case CloseWithPrimary:
                t.Result = r.Result;
                t.ClosedAt = at;
                break;
            case LinkDuplicate:
                t.PrimaryId = r.PrimaryId;
                break;
            case Unlink:
                t.PrimaryId = null;
                break;
            case Evaluate:
                t.Evaluation = r.Evaluation;
                t.EvaluationNote = r.Note;
                break;
            case Supervise or AutoSupervise:
                t.Supervision = r.Level ?? throw new ArgumentException("Supervision needs a level.", nameof(r));
                break;
        }
        return (false, null);
    }

    static void ClearPending(Ticket t)
    {
        t.Pending = PendingRequest.None;
        t.PendingNote = null;
        t.PendingDays = null;
    }

    static void Assign(TicketClock clock, Ticket t, long lead, IEnumerable<long> co, DateTime at)
    {
        foreach (var a in t.Assignments) a.Active = false;
        t.Assignments.Add(new TicketAssignment { DepartmentId = lead, Lead = true, Active = true, AssignedAt = at });
        foreach (var d in co.Where(d => d != lead).Distinct())
            t.Assignments.Add(new TicketAssignment { DepartmentId = d, Lead = false, Active = true, AssignedAt = at });
        t.LeadDepartmentId = lead;
        t.HandleDueAt = clock.Due(at, t.HandleLimit);
    }
}
