using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets.Dispatching;

public sealed class DeleteDispatchRule(GridDbContext db)
{
    public async Task<Result<Done>> HandleAsync(int id, CancellationToken ct = default)
    {
        if (await db.DispatchRules.FirstOrDefaultAsync(x => x.Id == id, ct) is not { } rule) return Result<Done>.NotFound();
        db.DispatchRules.Remove(rule);
        await db.SaveChangesAsync(ct);
        return Result<Done>.Ok(Done.Value);
    }
}
