using GridGov.Infrastructure.Security;
using static GridGov.Features.Tickets.TicketState;
using static GridGov.Features.Tickets.TicketAction;
using P = GridGov.Infrastructure.Security.Permissions;

namespace GridGov.Features.Tickets;

public enum TicketAction
{
    Report, Accept, Reject, LinkDuplicate, Unlink, Escalate, Dispatch, Return,
    RequestExtension, ApproveExtension, DenyExtension, RequestShelve, ApproveShelve, DenyShelve, Resume,
    ReportBack, SelfHandle, VerifyPass, VerifyFail, Close, Evaluate, Supervise,
    // Done by the system only: never offered to people, refused through the API.
    CloseWithPrimary, AutoSupervise,
}

// Who, beyond holding the permission, may take an action on a given ticket.
public enum Actor { Holder, Reporter, LeadDepartment, System }

// What must hold of the ticket besides its state.
public enum Guard { None, NoPending, PendingExtension, PendingShelve, NotEvaluated }

public sealed record Transition(TicketState From, TicketAction Action, TicketState To, string? Permission, Actor Actor = Actor.Holder, Guard Guard = Guard.None);

// The one table that decides what may happen to a ticket (DESIGN.md §5): state × action → next state,
// with the permission and who may do it. Enforced by ExecuteTicketAction, tested exhaustively, drawn on the
// ticket pages. Overlays (supervision, extension and shelve requests, escalation) keep the state.
public static class TicketFlow
{
    public static readonly IReadOnlyList<Transition> Table =
    [
        new(Reported, Accept, Accepted, P.TicketsAccept),
        new(Reported, Reject, Rejected, P.TicketsAccept),
        new(Reported, LinkDuplicate, Duplicate, P.TicketsAccept),
        new(Accepted, LinkDuplicate, Duplicate, P.TicketsDispatch),
        new(Reported, Escalate, Reported, P.TicketsAccept),
        new(Accepted, Escalate, Accepted, P.TicketsDispatch),
        new(Reported, SelfHandle, Handled, P.TicketsReport, Actor.Reporter),
        new(Duplicate, Unlink, Reported, P.TicketsAccept),
        new(Accepted, Dispatch, Dispatched, P.TicketsDispatch),
        new(Returned, Dispatch, Dispatched, P.TicketsDispatch),
        new(Dispatched, Return, Returned, P.TicketsHandle, Actor.LeadDepartment, Guard.NoPending),
        new(Dispatched, RequestExtension, Dispatched, P.TicketsHandle, Actor.LeadDepartment, Guard.NoPending),
        new(Dispatched, ApproveExtension, Dispatched, P.TicketsSupervise, Guard: Guard.PendingExtension),
        new(Dispatched, DenyExtension, Dispatched, P.TicketsSupervise, Guard: Guard.PendingExtension),
        new(Dispatched, RequestShelve, Dispatched, P.TicketsHandle, Actor.LeadDepartment, Guard.NoPending),
        new(Dispatched, ApproveShelve, Shelved, P.TicketsSupervise, Guard: Guard.PendingShelve),
        new(Dispatched, DenyShelve, Dispatched, P.TicketsSupervise, Guard: Guard.PendingShelve),
        new(Shelved, Resume, Dispatched, P.TicketsSupervise),
        new(Dispatched, ReportBack, Handled, P.TicketsHandle, Actor.LeadDepartment, Guard.NoPending),
        new(Handled, VerifyPass, Verified, P.TicketsVerify),
        new(Handled, VerifyFail, Dispatched, P.TicketsVerify),
        new(Verified, Close, Closed, P.TicketsClose),
        new(Closed, Evaluate, Closed, P.TicketsReport, Actor.Reporter, Guard.NotEvaluated),
        new(Duplicate, CloseWithPrimary, Closed, null, Actor.System),
        .. Ticket.Open.Select(s => new Transition(s, Supervise, s, P.TicketsSupervise)),
        .. Ticket.Open.Select(s => new Transition(s, AutoSupervise, s, null, Actor.System)),
    ];

    public static Transition? Find(TicketState from, TicketAction action) =>
        Table.FirstOrDefault(t => t.From == from && t.Action == action);

    public static bool Holds(Guard guard, Ticket t) => guard switch
    {
        Guard.NoPending => t.Pending == PendingRequest.None,
        Guard.PendingExtension => t.Pending == PendingRequest.Extension,
        Guard.PendingShelve => t.Pending == PendingRequest.Shelve,
        Guard.NotEvaluated => t.Evaluation is null,
        _ => true,
    };

    // The actions this caller may take on this ticket now: the buttons on the ticket page.
    public static IEnumerable<Transition> Allowed(Ticket t, CurrentUserFacts who, TicketStanding standing) =>
        Table.Where(x => x.From == t.State && x.Actor != Actor.System && Holds(x.Guard, t)
            && x.Permission is { } p && who.Permissions.Contains(p) && Fits(x.Actor, t, who) is null && TicketDuties.Refusal(x, standing) is null);

    // Null when the caller fits the actor column; otherwise why not, in Chinese.
    public static string? Fits(Actor actor, Ticket t, CurrentUserFacts who) => actor switch
    {
        Actor.Reporter when t.ReporterId != who.UserId => "只有上报人可以执行此操作",
        Actor.LeadDepartment when who.DepartmentId is null || t.LeadDepartmentId != who.DepartmentId => "只有主办部门可以执行此操作",
        Actor.System => "该操作由系统自动执行",
        _ => null,
    };

    public static string StateName(TicketState s) => s switch
    {
        Reported => "待受理", Accepted => "待派遣", Dispatched => "处置中", Returned => "已回退",
        Handled => "待核查", Verified => "待结案", Closed => "已结案", Rejected => "不予立案",
        Duplicate => "已关联", Shelved => "挂账", _ => s.ToString(),
    };

    public static string ActionName(TicketAction a) => a switch
    {
        Report => "上报", Accept => "受理立案", Reject => "不予立案", LinkDuplicate => "关联为重复", Unlink => "取消关联",
        Escalate => "上报上级", Dispatch => "派遣", Return => "回退", RequestExtension => "申请延期",
        ApproveExtension => "批准延期", DenyExtension => "驳回延期", RequestShelve => "申请挂账", ApproveShelve => "批准挂账",
        DenyShelve => "驳回挂账", Resume => "恢复处置", ReportBack => "处置反馈", SelfHandle => "自行处置",
        VerifyPass => "核查通过", VerifyFail => "核查不通过", Close => "结案", Evaluate => "评价", Supervise => "督办",
        CloseWithPrimary => "随主件结案", AutoSupervise => "超期自动督办", _ => a.ToString(),
    };
}

// What the flow needs to know of the caller, so the table can be used from HTTP and from Blazor alike.
public sealed record CurrentUserFacts(long? UserId, long? DepartmentId, IReadOnlySet<string> Permissions)
{
    public static CurrentUserFacts Of(CurrentUser u) => new(u.UserId, u.DepartmentId,
        u.Principal.FindAll(Infrastructure.Security.Permissions.ClaimType).Select(c => c.Value).ToHashSet());
}
