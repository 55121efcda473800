using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets;

public sealed record FoundTicket(long Id, string Number);

// The header's search box: the ticket with this number, if the caller may open it (the scoped
// tickets: their area, their department's, their own reports). Anything else — not a number, no such
// ticket, another street's — answers not found alike, so the box tells nothing about other areas.
public sealed class FindTicket(GridDbContext db)
{
    public async Task<Result<FoundTicket>> HandleAsync(string? number, CancellationToken ct = default)
    {
        if (!TicketNumbers.TryParse(number, out var n)) return Result<FoundTicket>.NotFound();
        var t = await db.Tickets.AsNoTracking()
            .Where(x => x.Id == n.Id && x.ReportedAt >= n.FromUtc && x.ReportedAt < n.ToUtc)
            .Select(x => new { x.Id, x.ReportedAt }).FirstOrDefaultAsync(ct);
        return t is null ? Result<FoundTicket>.NotFound() : Result<FoundTicket>.Ok(new(t.Id, Ticket.NumberOf(t.Id, t.ReportedAt)));
    }
}
