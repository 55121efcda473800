using GridGov.Infrastructure.Places;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Focus;

// The visits due in a unit of the caller's area up to a date: open subjects whose next visit falls on
// or before it, the most overdue first — what a grid worker has to walk to (the terminal's 走访 list).
public sealed class ListDueVisits(ListFocusSubjects list)
{
    public const int Max = 300;

    public async Task<List<FocusRow>> HandleAsync(long unit, DateOnly until, CancellationToken ct = default)
    {
        var (from, to) = OrgCode.Subtree(unit);
        var subjects = list.Filter(new FocusQuery()).Where(s => s.GridCode >= from && s.GridCode <= to && s.NextVisitDue <= until);
        var rows = await list.Rows(subjects).Take(Max).ToListAsync(ct);
        var items = new List<FocusRow>(rows.Count);
        foreach (var r in rows) items.Add(await list.RowAsync(r, ct));
        return items;
    }
}
