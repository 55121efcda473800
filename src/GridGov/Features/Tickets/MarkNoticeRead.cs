using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets;

// A notice opened is read; another user's notice is not found (the query filter).
public sealed class MarkNoticeRead(GridDbContext db)
{
    public async Task<Result<Done>> HandleAsync(long id, CancellationToken ct = default) =>
        await db.Notifications.Where(x => x.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Read, true), ct) > 0
            ? Result<Done>.Ok(Done.Value) : Result<Done>.NotFound();
}
