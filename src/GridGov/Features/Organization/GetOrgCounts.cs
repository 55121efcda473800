using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Organization;

// How many districts, streets, communities and grids lie below a unit.
public sealed class GetOrgCounts(GridDbContext db)
{
    public async Task<Result<OrgCounts>> HandleAsync(long code, CancellationToken ct = default)
    {
        if (!await db.OrgUnits.AnyAsync(u => u.Code == code, ct)) return Result<OrgCounts>.NotFound();
        var (from, to) = OrgCode.Subtree(code);
        var byLevel = await db.OrgUnits.Where(u => u.GridCode >= from && u.GridCode <= to && u.Code != code)
            .GroupBy(u => u.Level).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(OrgLevel l) => byLevel.FirstOrDefault(x => x.Key == l)?.Count ?? 0;
        return Result<OrgCounts>.Ok(new OrgCounts(code, Of(OrgLevel.District), Of(OrgLevel.Street), Of(OrgLevel.Community), Of(OrgLevel.Grid)));
    }
}
