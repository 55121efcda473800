using GridGov.Features.Organization;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Analytics.Warnings;

// The warnings of the caller's area (the data-scope filter), newest first, filtered by state, kind,
// rule, a unit of the area, the China dates of raising and words of the title or summary. A unit
// outside the caller's scope answers 404 (Organization's scoped tree does not have it).
public sealed class ListWarnings(GridDbContext db)
{
    public async Task<Result<PagedResult<WarningRow>>> HandleAsync(WarningQuery q, CancellationToken ct = default)
    {
        var (page, size, bad) = Paging.Of(q.Page, q.PageSize, 20, 100);
        if (bad is not null) return Result<PagedResult<WarningRow>>.Invalid(bad);
        if (await FilterAsync(q, ct) is not { } warnings) return Result<PagedResult<WarningRow>>.NotFound();
        var total = await warnings.CountAsync(ct);
        var items = await warnings.OrderByDescending(w => w.RaisedAt).ThenByDescending(w => w.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return Result<PagedResult<WarningRow>>.Ok(new([.. items.Select(Row)], total, page, size));
    }

    // The filter for the list and its export; null when the unit asked for is outside the scope.
    public async Task<IQueryable<Warning>?> FilterAsync(WarningQuery q, CancellationToken ct)
    {
        var w = db.Warnings.AsNoTracking();
        if (q.Area is { } area)
        {
            if (!await db.OrgUnits.AnyAsync(u => u.Code == area, ct)) return null;
            var (from, to) = OrgCode.Subtree(area);
            w = w.Where(x => x.GridCode >= from && x.GridCode <= to);
        }
        if (q.State is { } state) w = w.Where(x => x.State == state);
        if (q.Kind is { } kind) w = w.Where(x => x.Kind == kind);
        if (q.Rule is { } rule) w = w.Where(x => x.RuleId == rule);
        if (q.From is { } f)
        {
            var start = ChinaTime.ToUtc(f.ToDateTime(TimeOnly.MinValue));
            w = w.Where(x => x.RaisedAt >= start);
        }
        if (q.To is { } t)
        {
            var end = ChinaTime.ToUtc(t.AddDays(1).ToDateTime(TimeOnly.MinValue));
            w = w.Where(x => x.RaisedAt < end);
        }
        if (q.Keyword?.Trim() is { Length: > 0 } k) w = w.Where(x => x.Title.Contains(k) || x.Summary.Contains(k) || x.AreaName.Contains(k));
        return w;
    }

    public static WarningRow Row(Warning w) => new(w.Id, w.Kind, WarningNames.Kind(w.Kind), w.RuleId, w.RuleName, w.AreaCode, w.AreaName, w.Title,
        w.RaisedAt, w.State, WarningNames.State(w.State), w.EvidenceCount, w.HandledByName, w.HandledAt);
}
