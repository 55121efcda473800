using GridGov.Features.Tickets.Deadlines;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets;

public sealed record TicketActionRequest(
    int? Version, string? Note, long? DepartmentId, List<long>? CoDepartmentIds, long? PrimaryId, double? Days,
    List<string>? Photos, Evaluation? Evaluation, Supervision? Level);

public enum ActionOutcomeKind { Done, NotFound, Forbidden, Conflict, Invalid }

public sealed record ActionOutcome(ActionOutcomeKind Kind, TicketDetail? Ticket = null, string? Message = null,
    Dictionary<string, string[]>? Errors = null, TicketState? CurrentState = null, int? CurrentVersion = null);

// Every change of a ticket's state goes through here: the caller must see the ticket (else 404),
// the table must allow the action from its state (else 409), the caller must hold the permission and
// fit the actor column (else 403), the version must be current (else 409), and the inputs must be
// complete (else 400). Then the effect and its history row (TicketEffects), the follow-ups, one
// save; a concurrent change loses with 409.
public sealed class TicketActions(GridDbContext db, CurrentUser user, TicketClock clock, TicketActionChecks checks, TicketFollowUps followUps, TicketQueries queries, TicketFeed feed)
{
    public async Task<ActionOutcome> ExecuteAsync(long id, TicketAction action, TicketActionRequest r, CancellationToken ct = default)
    {
        var t = await db.Tickets.Include(x => x.Assignments).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null) return new(ActionOutcomeKind.NotFound);
        var who = CurrentUserFacts.Of(user);
        var step = TicketFlow.Find(t.State, action);
        if (step is null)
            return Conflict(t, $"工单当前为“{TicketFlow.StateName(t.State)}”，不能执行“{TicketFlow.ActionName(action)}”");
        if (step.Actor == Actor.System || step.Permission is not { } permission)
            return new(ActionOutcomeKind.Forbidden, Message: TicketFlow.Fits(Actor.System, t, who));
        if (!who.Permissions.Contains(permission))
            return new(ActionOutcomeKind.Forbidden, Message: $"您没有“{Permissions.All[permission]}”权限");
        if (TicketFlow.Fits(step.Actor, t, who) is { } notYou) return new(ActionOutcomeKind.Forbidden, Message: notYou);
        if (r.Version is not { } version) return Invalid("version", "缺少工单版本号");
        if (version != t.Version) return Conflict(t, "工单已被他人修改，请刷新后重试");
        if (!TicketFlow.Holds(step.Guard, t)) return Conflict(t, GuardMessage(step.Guard));

        var (input, errors) = await checks.CheckAsync(t, action, r, ct);
        if (errors.Count > 0) return new(ActionOutcomeKind.Invalid, Errors: errors, Message: string.Join("；", errors.SelectMany(e => e.Value)));
        var now = clock.Now;
        db.TicketEvents.Add(TicketEffects.Take(clock, t, step, input, now, History.Actor(user)));
        var alsoChanged = await followUps.RunAsync(t, action, input.Note, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else changed the ticket between our read and our write: theirs stands.
            var current = await db.Tickets.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.State, x.Version }).FirstAsync(ct);
            return new(ActionOutcomeKind.Conflict, Message: "工单已被他人修改，请刷新后重试", CurrentState: current.State, CurrentVersion: current.Version);
        }
        feed.Publish(t);
        foreach (var other in alsoChanged) feed.Publish(other);
        return new(ActionOutcomeKind.Done, await queries.DetailAsync(t.Id, ct));
    }

    static ActionOutcome Conflict(Ticket t, string message) =>
        new(ActionOutcomeKind.Conflict, Message: message, CurrentState: t.State, CurrentVersion: t.Version);

    static ActionOutcome Invalid(string field, string message) =>
        new(ActionOutcomeKind.Invalid, Errors: new() { [field] = [message] }, Message: message);

    static string GuardMessage(Guard g) => g switch
    {
        Guard.NoPending => "已有待审批的延期或挂账申请",
        Guard.PendingExtension => "没有待审批的延期申请",
        Guard.PendingShelve => "没有待审批的挂账申请",
        Guard.NotEvaluated => "该工单已评价",
        _ => "条件不满足",
    };
}
