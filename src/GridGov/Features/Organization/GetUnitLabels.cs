using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Organization;

public sealed record UnitOption(long Code, string Label);

// Display labels of units the caller may see ("梅园新村街道（街道 320102002）"); others are left out.
public sealed class GetUnitLabels(GridDbContext db)
{
    public async Task<Result<List<UnitOption>>> HandleAsync(IEnumerable<long> codes, CancellationToken ct = default)
    {
        var list = codes.ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(u => list.Contains(u.Code))
            .Select(u => new { u.Code, u.Name, u.Level }).ToListAsync(ct);
        return Result<List<UnitOption>>.Ok(units.Select(u => new UnitOption(u.Code, $"{u.Name}（{OrgCode.LevelName(u.Level)} {u.Code}）")).ToList());
    }
}
