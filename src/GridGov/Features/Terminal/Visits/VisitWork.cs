using GridGov.Features.Registry.Focus;
using GridGov.Features.Terminal.Home;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Visits;

// 走访: focus subjects in the worker's area whose next visit is due (today or earlier, China date),
// those already late, and the visits the worker recorded today. Special subjects count only for those
// who may see them (the filter).
public sealed class VisitWork(GridDbContext db) : IWorkCounter
{
    public int Order => 30;

    public async Task<WorkItem> CountAsync(Worker w, DateTime now, CancellationToken ct)
    {
        var (from, to) = w.Range;
        var id = w.Id;
        var today = ChinaTime.DateOf(now);
        var since = ChinaTime.ToUtc(ChinaTime.FromUtc(now).Date);
        var open = db.Set<FocusSubject>().AsNoTracking().Where(s => s.ClosedOn == null && s.GridCode >= from && s.GridCode <= to);
        return new("visits", "走访", $"/m/visits?worker={w.Id}",
            await open.CountAsync(s => s.NextVisitDue <= today, ct), await open.CountAsync(s => s.NextVisitDue < today, ct),
            await db.Set<FocusVisit>().CountAsync(v => v.VisitorId == id && v.VisitedAt >= since, ct), "重点关注对象按期走访");
    }
}
