using GridGov.Features.Organization;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Components;

// 部件 of the caller's area (the data-scope filter): the list with its filters, one component, the
// counts by major class and state, and the points of a box as GeoJSON for a map layer.
public sealed class ListComponents(GridDbContext db, ComponentClasses classes, Places places, CurrentUser user)
{
    public const int MaxFeatures = 2000;

    public async Task<Result<PagedResult<ComponentRow>>> HandleAsync(ComponentQuery q, CancellationToken ct = default)
    {
        var (page, size, bad) = Paging.Of(q.Page, q.PageSize, 20, 200);
        if (bad is not null) return Result<PagedResult<ComponentRow>>.Invalid(bad);
        var filtered = Filter(q);
        var total = await filtered.CountAsync(ct);
        var items = await filtered.OrderBy(c => c.GridCode).ThenBy(c => c.Code).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return Result<PagedResult<ComponentRow>>.Ok(new(await RowsAsync(items, ct), total, page, size));
    }

    public async Task<Result<ComponentRow>> GetAsync(long id, CancellationToken ct = default)
    {
        var c = await db.Set<Component>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return c is null ? Result<ComponentRow>.NotFound() : Result<ComponentRow>.Ok((await RowsAsync([c], ct))[0]);
    }

    public async Task<Result<ComponentCounts>> CountAsync(long? unit, CancellationToken ct = default)
    {
        var groups = await Filter(new(Unit: unit)).GroupBy(c => new { c.ClassCode, c.Condition }).Select(g => new { g.Key.ClassCode, g.Key.Condition, Count = g.Count() })
            .ToListAsync(ct);
        var byClass = classes.Majors.Select(m => new CountItem(m.Code, m.Name, groups.Where(g => g.ClassCode.StartsWith(m.Code, StringComparison.Ordinal)).Sum(g => g.Count))).ToList();
        var byState = Enum.GetValues<ComponentState>().Select(s => new CountItem(s.ToString(), ComponentNames.Condition(s), groups.Where(g => g.Condition == s).Sum(g => g.Count))).ToList();
        return Result<ComponentCounts>.Ok(new(groups.Sum(g => g.Count), byClass, byState));
    }

    public async Task<Result<PointCollection>> PointsAsync(ComponentQuery q, double? minLon, double? minLat, double? maxLon, double? maxLat, CancellationToken ct = default)
    {
        var points = Filter(q).Where(c => c.Lon != null && c.Lat != null);
        if (minLon is { } x0 && minLat is { } y0 && maxLon is { } x1 && maxLat is { } y1)
        {
            if (x0 > x1 || y0 > y1) return Result<PointCollection>.Invalid("minLon", "范围有误：最小经纬度须不大于最大经纬度");
            points = points.Where(c => c.Lon >= x0 && c.Lon <= x1 && c.Lat >= y0 && c.Lat <= y1);
        }
        else if (minLon is not null || minLat is not null || maxLon is not null || maxLat is not null)
            return Result<PointCollection>.Invalid("minLon", "范围须同时给出 minLon、minLat、maxLon、maxLat");
        var rows = await points.OrderBy(c => c.Id).Take(MaxFeatures + 1)
            .Select(c => new { c.Id, c.Code, c.ClassCode, c.Condition, c.Lon, c.Lat }).ToListAsync(ct);
        var features = rows.Take(MaxFeatures).Select(c => new PointFeature(new([c.Lon!.Value, c.Lat!.Value]),
            new(c.Id, c.Code, classes.NameOf(c.ClassCode), c.Condition, ComponentNames.Condition(c.Condition)))).ToList();
        return Result<PointCollection>.Ok(new(features, rows.Count > MaxFeatures));
    }

    // The departments that may maintain components of the caller's area: those of the caller's unit and
    // the units above it (a street's 城管中队, the district's bureaus) and those below it.
    public async Task<List<DepartmentOption>> DepartmentsAsync(CancellationToken ct = default)
    {
        var unit = user.UnitCode;
        var path = unit > 0 ? (await places.PathAsync(unit, ct)).Select(p => p.Code).ToList() : [];
        var (from, to) = unit > 0 ? OrgCode.Subtree(unit) : (0, long.MaxValue);
        return await db.Set<Department>().IgnoreQueryFilters().AsNoTracking()
            .Where(d => path.Contains(d.OrgUnitCode) || (d.GridCode >= from && d.GridCode <= to))
            .OrderBy(d => d.GridCode).ThenBy(d => d.Id).Select(d => new DepartmentOption(d.Id, d.Name)).ToListAsync(ct);
    }

    internal IQueryable<Component> Filter(ComponentQuery q)
    {
        var items = db.Set<Component>().AsNoTracking();
        if (q.Unit is { } unit)
        {
            var (from, to) = OrgCode.Subtree(unit);
            items = items.Where(c => c.GridCode >= from && c.GridCode <= to);
        }
        if (q.Class?.Trim() is { Length: > 0 } cls)
            items = cls.Length <= 3 ? items.Where(c => c.ClassCode.StartsWith(cls)) : items.Where(c => c.ClassCode == cls);
        if (q.State is { } s) items = items.Where(c => c.Condition == s);
        if (q.Department is { } d) items = items.Where(c => c.DepartmentId == d);
        if (q.Keyword?.Trim() is { Length: > 0 } k) items = items.Where(c => c.Code == k || (c.Location != null && c.Location.Contains(k)) || (c.OwnerName != null && c.OwnerName.Contains(k)));
        return items;
    }

    internal async Task<List<ComponentRow>> RowsAsync(IReadOnlyList<Component> items, CancellationToken ct)
    {
        var ids = items.Select(c => c.DepartmentId).OfType<long>().Distinct().ToList();
        // Department names are no secret: a component names its maintainer whatever the reader's unit.
        var departments = ids.Count == 0 ? [] : await db.Set<Department>().IgnoreQueryFilters().AsNoTracking().Where(d => ids.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var rows = new List<ComponentRow>(items.Count);
        foreach (var c in items) rows.Add(Row(c, departments, await places.NameAsync(c.GridCode, ct)));
        return rows;
    }

    internal ComponentRow Row(Component c, IReadOnlyDictionary<long, string> departments, string? gridName)
    {
        var cls = classes.Find(c.ClassCode);
        return new(c.Id, c.Code, c.ClassCode, cls?.Name, classes.NameOf(cls?.Major), c.Name, c.Condition, ComponentNames.Condition(c.Condition), c.DepartmentId,
            c.DepartmentId is { } d ? departments.GetValueOrDefault(d) : null, c.OwnerName, c.Lon, c.Lat, c.Location, c.InstalledOn, c.CheckedOn,
            c.GridCode, gridName, c.State, RegistryNames.State(c.State), c.Version);
    }
}
