using GridGov.Features.Registry.People;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Focus;

// Puts a person of the caller's area under focus in one kind: 404 for a person outside the area, 403 for
// a special kind without registry.special, 409 when the person is already watched in that kind. The
// next visit is due after the frequency of the risk unless given; the person gets the class's record
// (empty fields) if they have none.
public sealed class AddFocusSubject(GridDbContext db, CurrentUser user, FocusWorkers workers, GetFocusSubject get, TimeProvider clock)
{
    public async Task<Result<FocusDetail>> HandleAsync(CreateFocusSubject r, CancellationToken ct = default)
    {
        var errors = FocusChecks.Fields(r.Risk, r.VisitEveryDays, r.Note);
        var kind = FocusKinds.Find(r.Kind);
        if (kind is null) errors["kind"] = [$"关注类别：“{r.Kind}”不是重点关注类别（{string.Join("、", FocusKinds.All.Select(k => k.Name))}）"];
        if (errors.Count > 0) return Result<FocusDetail>.Invalid(errors);
        var person = await db.Set<Person>().AsNoTracking().Where(p => p.Id == r.PersonId).Select(p => new { p.Id, p.GridCode, p.Name }).FirstOrDefaultAsync(ct);
        if (person is null) return Result<FocusDetail>.NotFound();
        if (kind!.Special && !user.Has(Permissions.RegistrySpecial))
            return Result<FocusDetail>.Forbidden($"“{kind.Name}”属于特殊人群，需要“查看特殊人群”权限才能登记");
        // Unscoped on purpose: the pair is unique city-wide, wherever the existing row is filed.
        if (await db.Set<FocusSubject>().IgnoreQueryFilters().AnyAsync(s => s.PersonId == r.PersonId && s.Kind == kind.Key, ct))
            return Result<FocusDetail>.Conflict($"{person.Name}已是“{kind.Name}”类别的重点关注对象，请在原记录上修改", "重复登记");
        FocusWorker? worker = null;
        if (r.ResponsibleId is { } rid)
        {
            var w = await workers.CheckAsync(rid, person.GridCode, ct);
            if (!w.Succeeded) return w.As<FocusDetail>();
            worker = w.Value;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var every = r.VisitEveryDays ?? FocusSubject.DefaultVisitDays(r.Risk);
        var subject = new FocusSubject
        {
            PersonId = person.Id, Kind = kind.Key, Special = kind.Special, Risk = r.Risk, VisitEveryDays = every,
            ResponsibleId = worker?.Id, ResponsibleName = worker?.DisplayName, NextVisitDue = r.NextVisitDue ?? ChinaTime.DateOf(now).AddDays(every),
            Note = CleanNote(r.Note), GridCode = person.GridCode, Source = RecordSource.Collected, State = VerificationState.Verified,
            StateById = user.UserId, StateByName = user.DisplayName, StateAt = now, CreatedAt = now, UpdatedAt = now,
        };
        db.Add(subject);
        if (!await db.Set<PersonClassRecord>().IgnoreQueryFilters().AnyAsync(c => c.PersonId == person.Id && c.Class == kind.Key, ct))
            db.Add(new PersonClassRecord
            {
                PersonId = person.Id, Class = kind.Key, Special = kind.Special, GridCode = person.GridCode, Source = RecordSource.Collected,
                State = VerificationState.Verified, StateById = user.UserId, StateByName = user.DisplayName, StateAt = now, CreatedAt = now, UpdatedAt = now,
            });
        await db.SaveChangesAsync(ct);
        var detail = await get.HandleAsync(subject.Id, ct);
        return detail.Succeeded ? Result<FocusDetail>.Created(detail.Value!, $"/api/v1/registry/focus/{subject.Id}") : detail;
    }

    internal static string? CleanNote(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}

static class FocusChecks
{
    public static Dictionary<string, string[]> Fields(RiskLevel risk, int? every, string? note)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Enum.IsDefined(risk)) errors["risk"] = ["风险等级应为 高（High）、中（Medium）或 低（Low）"];
        if (every is < 1 or > 366) errors["visitEveryDays"] = ["走访周期（天）应在 1–366 之间"];
        if (note?.Trim().Length > 500) errors["note"] = ["备注不能超过 500 个字"];
        return errors;
    }
}
