using GridGov.Features.Tickets.Deadlines;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets;

public sealed record TicketActionRequest(
    int? Version, string? Note, long? DepartmentId, List<long>? CoDepartmentIds, long? PrimaryId, double? Days,
    List<string>? Photos, Evaluation? Evaluation, Supervision? Level);

// Every change of a ticket's state by a person goes through here, whatever the action: the caller
// must see the ticket (else 404), the table must allow the action from its state (else 409), the
// caller must hold the permission, fit the actor column, have the ticket in their area and not be
// checking their own work (else 403, TicketDuties), the version must be current
// (else 409), and the inputs must be complete (else 400). Then the effect and its history row
// (TicketEffects), the follow-ups, one save; a concurrent change loses with 409.
public sealed class ExecuteTicketAction(GridDbContext db, CurrentUser user, TicketClock clock, TicketActionChecks checks,
    TicketFollowUps followUps, TicketQueries queries, TicketFeed feed)
{
    public async Task<Result<TicketDetail>> HandleAsync(long id, TicketAction action, TicketActionRequest r, CancellationToken ct = default)
    {
        var t = await db.Tickets.Include(x => x.Assignments).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null) return Result<TicketDetail>.NotFound();
        var who = CurrentUserFacts.Of(user);
        var step = TicketFlow.Find(t.State, action);
        if (step is null)
            return Conflict(t.State, t.Version, $"工单当前为“{TicketFlow.StateName(t.State)}”，不能执行“{TicketFlow.ActionName(action)}”");
        if (step.Actor == Actor.System || step.Permission is not { } permission)
            return Result<TicketDetail>.Forbidden(TicketFlow.Fits(Actor.System, t, who)!);
        if (!who.Permissions.Contains(permission))
            return Result<TicketDetail>.Forbidden($"您没有“{Permissions.All[permission]}”权限");
        if (TicketFlow.Fits(step.Actor, t, who) is { } notYou) return Result<TicketDetail>.Forbidden(notYou);
        if (TicketDuties.Refusal(step, await TicketStanding.LoadAsync(db, t, user.Scope, user.UserId, ct)) is { } notHere)
            return Result<TicketDetail>.Forbidden(notHere);
        if (r.Version is not { } version) return Result<TicketDetail>.Invalid("version", "缺少工单版本号");
        if (version != t.Version) return Conflict(t.State, t.Version, "工单已被他人修改，请刷新后重试");
        if (!TicketFlow.Holds(step.Guard, t)) return Conflict(t.State, t.Version, GuardMessage(step.Guard));

        var (input, errors) = await checks.CheckAsync(t, action, r, ct);
        if (errors.Count > 0) return Result<TicketDetail>.Invalid(errors);
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
            return Conflict(current.State, current.Version, "工单已被他人修改，请刷新后重试");
        }
        feed.Publish(t);
        foreach (var other in alsoChanged) feed.Publish(other);
        // A step can take the ticket out of the caller's sight (a department returning it): then the
        // answer is the ticket as it now stands, without the history they may no longer read.
        return Result<TicketDetail>.Ok(await queries.DetailAsync(t.Id, ct) ?? await queries.DetailAsync(t, ct));
    }

    // The state a client should refresh to, so that it needs no second call.
    static Result<TicketDetail> Conflict(TicketState state, int version, string message) =>
        Result<TicketDetail>.Conflict(message, "工单状态已变化", new Dictionary<string, object?>
        {
            ["state"] = state.ToString(), ["stateName"] = TicketFlow.StateName(state), ["version"] = version,
        });

    static string GuardMessage(Guard g) => g switch
    {
        Guard.NoPending => "已有待审批的延期或挂账申请",
        Guard.PendingExtension => "没有待审批的延期申请",
        Guard.PendingShelve => "没有待审批的挂账申请",
        Guard.NotEvaluated => "该工单已评价",
        _ => "条件不满足",
    };
}
