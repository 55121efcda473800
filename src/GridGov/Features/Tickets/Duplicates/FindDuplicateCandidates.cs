using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets.Duplicates;

// The open tickets a ticket may be a duplicate of, with score and reason (SimilarTickets).
public sealed class FindDuplicateCandidates(GridDbContext db, SimilarTickets similar)
{
    public async Task<Result<List<DuplicateCandidate>>> HandleAsync(long id, CancellationToken ct = default) =>
        await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is { } t
            ? Result<List<DuplicateCandidate>>.Ok(await similar.FindAsync(t, ct))
            : Result<List<DuplicateCandidate>>.NotFound();
}
