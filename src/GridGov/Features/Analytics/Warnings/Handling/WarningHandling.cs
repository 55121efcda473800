using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Analytics.Warnings;

// What every handling shares: warnings.handle (403), the warning in the caller's area (404 — the
// scoped context does not find another street's), a state that can still be handled and the version
// read (409); then the new state, who and when, the history row (audited with the warning), one save.
public sealed class WarningHandling(GridDbContext db, CurrentUser user, GetWarning get, WarningFeed feed, TimeProvider time)
{
    public const int NoteMax = 500;

    public async Task<(Warning? Warning, Result<WarningHandled>? Refusal)> LoadAsync(long id, int? version, bool openOnly, CancellationToken ct)
    {
        if (!user.Has(Permissions.WarningsHandle)) return (null, Result<WarningHandled>.Forbidden("您没有“处置预警”权限"));
        var w = await db.Warnings.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return (null, Result<WarningHandled>.NotFound());
        if (openOnly ? w.State != WarningState.Open : !Warning.Pending.Contains(w.State))
            return (null, Conflict(w, $"该预警当前为“{WarningNames.State(w.State)}”，不能再执行此操作"));
        if (version is not { } v) return (null, Result<WarningHandled>.Invalid("version", "缺少预警版本号"));
        if (v != w.Version) return (null, Conflict(w, "该预警已被他人处置，请刷新后重试"));
        return (w, null);
    }

    // A note as stored: trimmed, null when empty; a message when too long.
    public static (string? Note, Result<WarningHandled>? Refusal) Note(string? text, string field = "note")
    {
        var note = string.IsNullOrWhiteSpace(text) ? null : Infrastructure.Text.CleanText.Multiline(text)?.Trim();
        return note?.Length > NoteMax ? (null, Result<WarningHandled>.Invalid(field, $"说明不能超过 {NoteMax} 字（现有 {note.Length} 字）")) : (note, null);
    }

    public async Task<Result<WarningHandled>> FinishAsync(Warning w, WarningAction action, WarningState to, string? note,
        List<SupervisedTicket>? supervised, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var from = w.State;
        (w.State, w.HandledById, w.HandledByName, w.HandledAt, w.HandledNote) = (to, user.UserId, user.DisplayName, now, note);
        w.Version++;
        db.WarningEvents.Add(new WarningEvent { WarningId = w.Id, At = now, ActorId = user.UserId, ActorName = user.DisplayName, Action = action, From = from, To = to, Note = note });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.Warnings.AsNoTracking().Where(x => x.Id == w.Id).Select(x => new { x.State, x.Version }).FirstAsync(ct);
            return Result<WarningHandled>.Conflict("该预警已被他人处置，请刷新后重试", "预警已变化",
                new Dictionary<string, object?> { ["state"] = current.State.ToString(), ["version"] = current.Version });
        }
        feed.Publish(w, isNew: false);
        return Result<WarningHandled>.Ok(new((await get.DetailAsync(w.Id, ct))!, supervised ?? [], w.TicketId));
    }

    static Result<WarningHandled> Conflict(Warning w, string message) => Result<WarningHandled>.Conflict(message, "预警已变化",
        new Dictionary<string, object?> { ["state"] = w.State.ToString(), ["stateName"] = WarningNames.State(w.State), ["version"] = w.Version });
}
