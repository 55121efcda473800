using GridGov.Features.Organization;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Focus;

// The focus list of the caller's area (the one filter hides special kinds without registry.special),
// by kind, risk, unit, due state and responsible worker, the next visit due first.
public sealed class ListFocusSubjects(GridDbContext db, Places places, TimeProvider clock)
{
    public DateOnly Today => ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);

    public async Task<Result<PagedResult<FocusRow>>> HandleAsync(FocusQuery q, CancellationToken ct = default)
    {
        var (page, size, bad) = Paging.Of(q.Page, q.PageSize, 20, 200);
        if (bad is not null) return Result<PagedResult<FocusRow>>.Invalid(bad);
        if (q.Kind is { Length: > 0 } k && FocusKinds.Find(k) is null) return Result<PagedResult<FocusRow>>.Invalid("kind", $"“{k}”不是重点关注类别");
        var filtered = Filter(q);
        var total = await filtered.CountAsync(ct);
        var rows = await Rows(filtered).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var items = new List<FocusRow>(rows.Count);
        foreach (var r in rows) items.Add(await RowAsync(r, ct));
        return Result<PagedResult<FocusRow>>.Ok(new(items, total, page, size));
    }

    internal sealed record Joined(FocusSubject S, string Name, string Gender, string IdMasked);

    internal IQueryable<FocusSubject> Filter(FocusQuery q)
    {
        var subjects = db.Set<FocusSubject>().AsNoTracking();
        if (!q.IncludeClosed) subjects = subjects.Where(s => s.ClosedOn == null);
        if (q.Unit is { } unit)
        {
            var (from, to) = OrgCode.Subtree(unit);
            subjects = subjects.Where(s => s.GridCode >= from && s.GridCode <= to);
        }
        if (!string.IsNullOrEmpty(q.Kind)) subjects = subjects.Where(s => s.Kind == q.Kind);
        if (q.Risk is { } risk) subjects = subjects.Where(s => s.Risk == risk);
        if (q.Responsible is { } worker) subjects = subjects.Where(s => s.ResponsibleId == worker);
        var today = Today;
        var soon = today.AddDays(FocusKinds.SoonDays);
        if (q.Due == FocusDue.Overdue) subjects = subjects.Where(s => s.ClosedOn == null && s.NextVisitDue < today);
        else if (q.Due == FocusDue.Soon) subjects = subjects.Where(s => s.ClosedOn == null && s.NextVisitDue >= today && s.NextVisitDue <= soon);
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var text = q.Keyword.Trim();
            subjects = subjects.Where(s => db.Set<Person>().Any(p => p.Id == s.PersonId && p.Name.Contains(text)));
        }
        return subjects;
    }

    internal IQueryable<Joined> Rows(IQueryable<FocusSubject> subjects) =>
        from s in subjects
        join p in db.Set<Person>() on s.PersonId equals p.Id into ps
        from p in ps.DefaultIfEmpty()
        orderby s.NextVisitDue, s.Id
        select new Joined(s, p == null ? "" : p.Name, p == null ? "0" : p.Gender, p == null ? "" : p.IdMasked);

    internal async Task<FocusRow> RowAsync(Joined j, CancellationToken ct)
    {
        var (s, today) = (j.S, Today);
        var overdue = s.ClosedOn is null && s.NextVisitDue < today ? today.DayNumber - s.NextVisitDue.DayNumber : 0;
        var soon = s.ClosedOn is null && overdue == 0 && s.NextVisitDue <= today.AddDays(FocusKinds.SoonDays);
        return new(s.Id, s.PersonId, j.Name, ListPeople.GenderName(j.Gender), j.IdMasked, s.Kind, FocusKinds.Name(s.Kind), s.Special, s.Risk,
            FocusNames.Risk(s.Risk), s.VisitEveryDays, s.ResponsibleId, s.ResponsibleName, s.LastVisitAt, s.NextVisitDue, overdue, soon, s.GridCode,
            await places.NameAsync(s.GridCode, ct), s.ClosedOn, s.Note, s.Version);
    }
}

// What waits in the caller's area (or a unit of it): open subjects by kind, overdue (by grid and by
// responsible worker), due soon, high risk.
public sealed class CountFocusSubjects(GridDbContext db, Places places, TimeProvider clock)
{
    public async Task<Result<FocusCounts>> HandleAsync(long? unit = null, CancellationToken ct = default)
    {
        var today = ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);
        var soon = today.AddDays(FocusKinds.SoonDays);
        var open = db.Set<FocusSubject>().AsNoTracking().Where(s => s.ClosedOn == null);
        if (unit is { } u)
        {
            var (from, to) = OrgCode.Subtree(u);
            open = open.Where(s => s.GridCode >= from && s.GridCode <= to);
        }
        var byKind = await open.GroupBy(s => s.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var overdue = await open.CountAsync(s => s.NextVisitDue < today, ct);
        var dueSoon = await open.CountAsync(s => s.NextVisitDue >= today && s.NextVisitDue <= soon, ct);
        var high = await open.CountAsync(s => s.Risk == RiskLevel.High, ct);
        var kinds = FocusKinds.All.Select(d => new FocusKindCount(d.Key, d.Name, byKind.FirstOrDefault(k => k.Key == d.Key)?.Count ?? 0))
            .Where(k => k.Count > 0).ToList();
        // Where the overdue visits are, by grid and by responsible worker: whom the community chases.
        var late = await open.Where(s => s.NextVisitDue < today).GroupBy(s => new { s.GridCode, s.ResponsibleId, s.ResponsibleName })
            .Select(g => new { g.Key.GridCode, g.Key.ResponsibleId, g.Key.ResponsibleName, Count = g.Count() }).ToListAsync(ct);
        var byGrid = new List<FocusOverdueGroup>();
        foreach (var g in late.GroupBy(l => l.GridCode).OrderByDescending(g => g.Sum(l => l.Count)).ThenBy(g => g.Key))
            byGrid.Add(new(g.Key, await places.NameAsync(g.Key, ct) ?? g.Key.ToString(), g.Sum(l => l.Count)));
        var byWorker = late.GroupBy(l => l.ResponsibleId)
            .Select(g => new FocusOverdueGroup(g.Key, g.Key is null ? "未指定责任人" : g.First().ResponsibleName ?? "", g.Sum(l => l.Count)))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Name).ToList();
        return Result<FocusCounts>.Ok(new(byKind.Sum(k => k.Count), overdue, dueSoon, high, kinds, byGrid, byWorker));
    }
}
