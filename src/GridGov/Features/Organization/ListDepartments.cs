using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Organization;

// Functional departments at a unit or, with `below`, in its subtree; all the caller may see.
public sealed class ListDepartments(GridDbContext db)
{
    public async Task<Result<List<DepartmentDto>>> HandleAsync(long? unit, bool below, CancellationToken ct = default) =>
        Result<List<DepartmentDto>>.Ok(await Departments.ListAsync(db, unit, below, ct));
}
