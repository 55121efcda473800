using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Organization;

// Functional departments at a unit or, with `below`, in its subtree; all the caller may see.
public sealed class ListDepartments(GridDbContext db)
{
    public async Task<Result<List<DepartmentDto>>> HandleAsync(long? unit, bool below, CancellationToken ct = default)
    {
        var q = db.Departments.AsNoTracking();
        if (unit is { } code)
        {
            var (from, to) = OrgCode.Subtree(code);
            q = below ? q.Where(d => d.GridCode >= from && d.GridCode <= to) : q.Where(d => d.OrgUnitCode == code);
        }
        return Result<List<DepartmentDto>>.Ok(await q.OrderBy(d => d.GridCode).ThenBy(d => d.Id)
            .Select(d => new DepartmentDto(d.Id, d.Name, d.Kind, d.OrgUnitCode,
                db.Set<OrgUnit>().Where(u => u.Code == d.OrgUnitCode).Select(u => u.Name).FirstOrDefault()))
            .ToListAsync(ct));
    }
}
