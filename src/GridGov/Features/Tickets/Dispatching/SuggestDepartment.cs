using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets.Dispatching;

// The department a ticket most likely goes to (DepartmentSuggester); Ok with no value when there is
// no good guess (204 through HTTP).
public sealed class SuggestDepartment(GridDbContext db, DepartmentSuggester suggester)
{
    public async Task<Result<DepartmentSuggestion?>> HandleAsync(long id, CancellationToken ct = default) =>
        await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is { } t
            ? Result<DepartmentSuggestion?>.Ok(await suggester.SuggestAsync(t, ct))
            : Result<DepartmentSuggestion?>.NotFound();
}
