using GridGov.Features.Analytics.Rollups;
using GridGov.Features.Organization;
using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.Components;
using GridGov.Features.Registry.Focus;
using GridGov.Features.Registry.Houses;
using GridGov.Features.Registry.People;
using GridGov.Features.Registry.Units;
using GridGov.Features.Tickets;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Places;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Panorama;

// The figures beside the panorama's map, all from the tallies (a handful of rows each, whatever the
// size of the unit) except today's part of the overdue count, which is the deadline index.
public sealed class GetPanorama(GridDbContext db, CurrentUser user, TimeProvider clock, ComponentClasses classes, Places places)
{
    public async Task<Result<PanoramaFigures>> HandleAsync(long? unitCode, PanoramaPeriod period, CancellationToken ct = default)
    {
        var code = unitCode ?? await HomeAsync(ct);
        if (code is not { } c || !user.Scope.SeesAllOf(c)) return Result<PanoramaFigures>.NotFound();
        // The breadcrumb: the units above it the caller also sees whole (a street account's starts at its street).
        List<UnitRef> path = [.. (await places.PathAsync(c, ct)).Where(p => user.Scope.SeesAllOf(p.Code)).Select(p => new UnitRef(p.Code, p.Name, OrgCode.LevelName(p.Level)))];
        if (path.Count == 0 || path[^1].Code != c) return Result<PanoramaFigures>.NotFound();

        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.DateOf(now);
        var registry = await db.Set<RegistryTally>().Where(t => t.Code == c && t.Count != 0).ToListAsync(ct);
        var tickets = await db.Set<TicketTally>().Where(t => t.Code == c).Where(PanoramaPeriods.Rows<TicketTally>(period, today))
            .GroupBy(t => new { t.Source, t.State }).Select(g => new { g.Key.Source, g.Key.State, N = g.Sum(t => t.Count) }).ToListAsync(ct);
        var day = TallyCodes.Day(today);
        var todayFlow = await db.Set<TicketFlowTally>().Where(t => t.Code == c && t.Day == day)
            .GroupBy(t => 1).Select(g => new { Created = g.Sum(t => t.Created), Closed = g.Sum(t => t.Closed) }).FirstOrDefaultAsync(ct);
        // Overdue: deadlines on days before today from the deadline tally; today's deadlines already
        // past counted along the deadline index, the area checked row by row, as the 超期 queue counts.
        var startOfToday = ChinaTime.ToUtc(today.ToDateTime(TimeOnly.MinValue));
        var overdue = await db.Set<DeadlineTally>().Where(t => t.Code == c && t.Day < day).SumAsync(t => t.Count, ct)
            + await TicketQueues.InArea(db.TicketsOfAreaUnranged.AsNoTracking(), c, walk: true).LongCountAsync(t => t.DueAt >= startOfToday && t.DueAt < now, ct);

        return Result<PanoramaFigures>.Ok(new(path[^1], path, period, PanoramaPeriods.Name(period),
            Registry(registry, TallyRules.Person, k => Enum.TryParse<ResidencyType>(k, out var r) ? PersonCheck.ResidencyName(r) : k),
            Registry(registry, TallyRules.House, k => Enum.TryParse<HouseUse>(k, out var h) ? HouseNames.Use(h) : k),
            Registry(registry, TallyRules.Unit, k => Enum.TryParse<UnitKind>(k, out var u) ? UnitNames.Kind(u) : k),
            Focus(registry),
            Registry(registry, TallyRules.Component, k => classes.NameOf(k) ?? k),
            [.. tickets.GroupBy(t => t.Source).OrderBy(g => g.Key).Select(g => new Figure(g.Key.ToString(), TicketNames.Source(g.Key), g.Sum(t => t.N))).Where(f => f.Count != 0)],
            [.. tickets.GroupBy(t => t.State).OrderBy(g => g.Key).Select(g => new Figure(g.Key.ToString(), TicketFlow.StateName(g.Key), g.Sum(t => t.N))).Where(f => f.Count != 0)],
            tickets.Sum(t => t.N),
            new(todayFlow?.Created ?? 0, todayFlow?.Closed ?? 0, overdue),
            await DepartmentsAsync(c, period, today, ct),
            await ChildrenAsync(c, period, today, ct), ChildLevel(c)));
    }

    async Task<long?> HomeAsync(CancellationToken ct) =>
        PanoramaScope.Home(user.Scope, await db.OrgUnits.Where(u => u.Level == OrgLevel.City).OrderBy(u => u.Code).Select(u => u.Code).FirstOrDefaultAsync(ct));

    static List<Figure> Registry(List<RegistryTally> rows, string kind, Func<string, string> name) =>
        [.. rows.Where(r => r.Kind == kind).OrderByDescending(r => r.Count).Select(r => new Figure(r.Key, name(r.Key), r.Count))];

    // Special groups are one figure, not named by kind, for an account not cleared to see them.
    List<Figure> Focus(List<RegistryTally> rows)
    {
        var open = Registry(rows, TallyRules.Focus, FocusKinds.Name);
        var special = Registry(rows, TallyRules.FocusSpecial, FocusKinds.Name);
        if (special.Count == 0) return open;
        return user.Has(Permissions.RegistrySpecial) ? [.. open, .. special] : [.. open, new Figure("special", "特殊人群", special.Sum(s => s.Count))];
    }

    async Task<List<DepartmentFigure>> DepartmentsAsync(long c, PanoramaPeriod period, DateOnly today, CancellationToken ct)
    {
        var rows = await db.Set<TicketFlowTally>().Where(t => t.Code == c && t.DepartmentId != 0).Where(PanoramaPeriods.Rows<TicketFlowTally>(period, today))
            .GroupBy(t => t.DepartmentId)
            .Select(g => new { Id = g.Key, Closed = g.Sum(t => t.Closed), OnTime = g.Sum(t => t.ClosedOnTime), Rework = g.Sum(t => t.ClosedReworked), Minutes = g.Sum(t => t.CloseMinutes) })
            .Where(g => g.Closed > 0).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        // Names only, of departments anywhere (a street's tickets go to district departments too).
        var names = await db.Departments.IgnoreQueryFilters().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return [.. rows.OrderByDescending(r => r.Closed).Select(r => new DepartmentFigure(r.Id, names.GetValueOrDefault(r.Id, "（已撤销的部门）"), r.Closed,
            (double)r.OnTime / r.Closed, r.Minutes / 60.0 / r.Closed, (double)r.Rework / r.Closed))];
    }

    async Task<List<ChildFigure>> ChildrenAsync(long c, PanoramaPeriod period, DateOnly today, CancellationToken ct)
    {
        var children = await places.ChildrenAsync(c, ct);
        if (children.Count == 0) return [];
        // One seek per child (its code and the period's row), not a scan of every day of every child.
        var codes = children.Select(x => x.Code).ToList();
        var created = await db.Set<TicketFlowTally>().Where(t => codes.Contains(t.Code) && t.DepartmentId == 0).Where(PanoramaPeriods.Rows<TicketFlowTally>(period, today))
            .GroupBy(t => t.Code).Select(g => new { g.Key, N = g.Sum(t => t.Created) }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
        var people = await db.Set<RegistryTally>().Where(t => codes.Contains(t.Code) && t.Kind == TallyRules.Person)
            .GroupBy(t => t.Code).Select(g => new { g.Key, N = g.Sum(t => t.Count) }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
        return [.. children.Select(x => new ChildFigure(x.Code, x.Name, created.GetValueOrDefault(x.Code), people.GetValueOrDefault(x.Code)))];
    }

    static string? ChildLevel(long c) => OrgCode.LevelOf(c) switch
    {
        OrgLevel.City => "区县", OrgLevel.District => "街道", OrgLevel.Street => "社区", OrgLevel.Community => "网格", _ => null,
    };
}
