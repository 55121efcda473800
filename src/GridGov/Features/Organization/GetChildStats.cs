using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Organization;

public sealed record ChildStat(long Code, string Name, int Communities, int Grids);

// Communities and grids under each child of a unit: one GROUP BY on the 15-digit code divided down to
// the child's level (DESIGN.md §4), not one query per child. A unit outside the caller's scope is not found.
public sealed class GetChildStats(GridDbContext db)
{
    public async Task<Result<List<ChildStat>>> HandleAsync(long code, CancellationToken ct = default)
    {
        if (!await db.OrgUnits.AnyAsync(u => u.Code == code, ct)) return Result<List<ChildStat>>.NotFound();
        var children = await db.OrgUnits.Where(u => u.ParentCode == code).OrderBy(u => u.Code)
            .Select(u => new { u.Code, u.Name }).ToListAsync(ct);
        if (children.Count == 0) return Result<List<ChildStat>>.Ok([]);
        // A child's subtree is [code·scale, (code+1)·scale − 1], so GridCode / scale is the child's code.
        var (first, _) = OrgCode.Subtree(children[0].Code);
        var scale = first / children[0].Code;
        var (from, to) = OrgCode.Subtree(code);
        var below = await db.OrgUnits
            .Where(u => u.GridCode >= from && u.GridCode <= to && (u.Level == OrgLevel.Community || u.Level == OrgLevel.Grid))
            .GroupBy(u => new { Child = u.GridCode / scale, u.Level })
            .Select(g => new { g.Key.Child, g.Key.Level, Count = g.Count() })
            .ToListAsync(ct);
        int Count(long child, OrgLevel level) => below.FirstOrDefault(b => b.Child == child && b.Level == level)?.Count ?? 0;
        return Result<List<ChildStat>>.Ok(children.Select(c => new ChildStat(c.Code, c.Name, Count(c.Code, OrgLevel.Community), Count(c.Code, OrgLevel.Grid))).ToList());
    }
}
