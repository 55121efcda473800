using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Focus;

// Changes a subject's risk, visit frequency, responsible worker and note, or closes it (解除关注, the
// reason kept in the note). 404 outside the area; a stale version is a conflict, never an overwrite.
public sealed class ChangeFocusSubject(GridDbContext db, FocusWorkers workers, GetFocusSubject get, TimeProvider clock)
{
    public async Task<Result<FocusDetail>> EditAsync(long id, EditFocusSubject r, CancellationToken ct = default)
    {
        var errors = FocusChecks.Fields(r.Risk, r.VisitEveryDays, r.Note);
        if (errors.Count > 0) return Result<FocusDetail>.Invalid(errors);
        var s = await db.Set<FocusSubject>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return Result<FocusDetail>.NotFound();
        if (Stale(s, r.Version) is { } conflict) return conflict;
        if (r.ResponsibleId is { } rid && rid != s.ResponsibleId)
        {
            var w = await workers.CheckAsync(rid, s.GridCode, ct);
            if (!w.Succeeded) return w.As<FocusDetail>();
            (s.ResponsibleId, s.ResponsibleName) = (w.Value!.Id, w.Value.DisplayName);
        }
        else if (r.ResponsibleId is null) (s.ResponsibleId, s.ResponsibleName) = (null, null);
        var now = clock.GetUtcNow().UtcDateTime;
        // A new frequency counts from the last visit (or from when the subject was registered).
        if (r.VisitEveryDays != s.VisitEveryDays)
            s.NextVisitDue = ChinaTime.DateOf(s.LastVisitAt ?? s.CreatedAt).AddDays(r.VisitEveryDays);
        s.Risk = r.Risk;
        s.VisitEveryDays = r.VisitEveryDays;
        s.Note = AddFocusSubject.CleanNote(r.Note);
        return await SaveAsync(s, now, ct);
    }

    public async Task<Result<FocusDetail>> CloseAsync(long id, CloseFocusSubject r, CancellationToken ct = default)
    {
        var reason = r.Reason?.Trim() ?? "";
        if (reason.Length == 0) return Result<FocusDetail>.Invalid("reason", "解除原因：必填");
        var s = await db.Set<FocusSubject>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return Result<FocusDetail>.NotFound();
        if (Stale(s, r.Version) is { } conflict) return conflict;
        if (s.ClosedOn is not null) return Result<FocusDetail>.Conflict($"该对象已于 {s.ClosedOn:yyyy-MM-dd} 解除关注", "已解除关注");
        var now = clock.GetUtcNow().UtcDateTime;
        var note = string.IsNullOrEmpty(s.Note) ? $"解除关注：{reason}" : $"{s.Note}；解除关注：{reason}";
        if (note.Length > 500) return Result<FocusDetail>.Invalid("reason", "解除原因：与原备注合计不能超过 500 个字");
        s.ClosedOn = r.ClosedOn ?? ChinaTime.DateOf(now);
        s.Note = note;
        return await SaveAsync(s, now, ct);
    }

    static Result<FocusDetail>? Stale(FocusSubject s, int? version) => version is { } v && v != s.Version
        ? Result<FocusDetail>.Conflict("该记录已被他人修改，请刷新后再改", extensions: new Dictionary<string, object?> { ["version"] = s.Version })
        : null;

    async Task<Result<FocusDetail>> SaveAsync(FocusSubject s, DateTime now, CancellationToken ct)
    {
        s.UpdatedAt = now;
        s.Version++;
        await db.SaveChangesAsync(ct);
        return await get.HandleAsync(s.Id, ct);
    }
}
