using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Tickets;

// One ticket as its page shows it (details, photos, timeline, the caller's actions); 404 outside the caller's area.
public sealed class GetTicket(TicketQueries queries)
{
    public async Task<Result<TicketDetail>> HandleAsync(long id, CancellationToken ct = default) =>
        await queries.DetailAsync(id, ct) is { } t ? Result<TicketDetail>.Ok(t) : Result<TicketDetail>.NotFound();
}
