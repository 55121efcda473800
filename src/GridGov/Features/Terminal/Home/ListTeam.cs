using GridGov.Features.Identity;
using GridGov.Features.Organization;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Places;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Home;

public sealed record TeamUnit(long Code, string Name, int Workers);
public sealed record TeamMember(long Id, string Name, long UnitCode, string UnitName, int Pending, int Overdue, int DoneToday);
public sealed record Team(long UnitCode, string UnitName, List<PlaceName> Path, List<TeamUnit> Units, List<TeamMember> Members);

// The grid workers in a unit of the caller's area, by area: above a community, its units with how
// many workers each has (to drill into); at a community or grid, each worker with their list's totals.
public sealed class ListTeam(GridDbContext db, CurrentUser user, Places places, GetWorkList lists)
{
    public async Task<Result<Team>> HandleAsync(long? unit, CancellationToken ct = default)
    {
        if (!user.Has(Permissions.TerminalTeam)) return Result<Team>.Forbidden("只有社区、街道的网格工作负责人可以查看辖区网格员的工作清单");
        var code = unit ?? user.UnitCode;
        if (OrgCode.LevelOf(code) is not { } level || !user.Scope.Contains(OrgCode.Pad(code)) || await places.NameAsync(code, ct) is not { } name)
            return Result<Team>.NotFound();
        var (from, to) = OrgCode.Subtree(code);
        // Grid workers are the accounts of grids.
        var workers = await db.Users.AsNoTracking().Where(u => !u.Disabled && u.OrgUnitCode >= from && u.OrgUnitCode <= to)
            .Select(u => new { u.Id, u.DisplayName, u.OrgUnitCode }).ToListAsync(ct);
        workers = [.. workers.Where(w => OrgCode.LevelOf(w.OrgUnitCode) == OrgLevel.Grid && user.Scope.Contains(w.OrgUnitCode))];
        var path = await places.PathAsync(code, ct);
        if (level < OrgLevel.Community)
        {
            var child = level + 1;
            var units = new List<TeamUnit>();
            foreach (var g in workers.GroupBy(w => OrgCode.At(w.OrgUnitCode, child)).OrderBy(g => g.Key))
                units.Add(new(g.Key, await places.NameAsync(g.Key, ct) ?? g.Key.ToString(), g.Count()));
            return Result<Team>.Ok(new(code, name, path, units, []));
        }
        var members = new List<TeamMember>();
        foreach (var w in workers.OrderBy(w => w.OrgUnitCode).ThenBy(w => w.DisplayName))
        {
            var list = (await lists.HandleAsync(w.Id, ct)).Value!;
            members.Add(new(w.Id, w.DisplayName, w.OrgUnitCode, list.Worker.UnitName, list.Pending, list.Overdue, list.DoneToday));
        }
        return Result<Team>.Ok(new(code, name, path, [], members));
    }
}
