using GridGov.Features.Organization;
using GridGov.Features.Tickets;
using GridGov.Features.Tickets.Categories;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Analytics.Warnings;

// One warning of the caller's area (else 404) with its evidence tickets — those the caller can open,
// through the tickets' own scope; the others only counted — its history and, for a spike, its series.
public sealed class GetWarning(GridDbContext db, CategoryCatalog categories, Places places)
{
    const int MaxListed = 200;

    public async Task<Result<WarningDetail>> HandleAsync(long id, CancellationToken ct = default) =>
        await DetailAsync(id, ct) is { } d ? Result<WarningDetail>.Ok(d) : Result<WarningDetail>.NotFound();

    public async Task<WarningDetail?> DetailAsync(long id, CancellationToken ct = default)
    {
        var w = await db.Warnings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return null;
        var ids = await db.WarningEvidence.AsNoTracking().Where(e => e.WarningId == id).OrderBy(e => e.TicketId).Select(e => e.TicketId).ToListAsync(ct);
        var tickets = new List<Ticket>();
        foreach (var chunk in ids.Take(MaxListed).Chunk(500))
            tickets.AddRange(await db.Tickets.AsNoTracking().Where(t => chunk.Contains(t.Id)).ToListAsync(ct));
        var evidence = new List<EvidenceTicket>();
        foreach (var t in tickets.OrderBy(t => t.ReportedAt).ThenBy(t => t.Id))
            evidence.Add(new(t.Id, Ticket.NumberOf(t.Id, t.ReportedAt), categories.PathName(t.CategoryId), t.Description, t.State,
                TicketFlow.StateName(t.State), t.ReportedAt, await places.NameAsync(t.GridCode, ct), t.Address,
                t.Supervision == Supervision.None ? null : TicketNames.Supervision(t.Supervision), t.DueAt));
        var history = await db.WarningEvents.AsNoTracking().Where(e => e.WarningId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        return new(ListWarnings.Row(w), w.Summary, w.Version, w.TicketId, w.HandledNote, evidence, ids.Count - evidence.Count,
            [.. history.Select(e => new WarningHistoryRow(e.At, e.ActorName, e.Action, WarningNames.Action(e.Action), WarningNames.State(e.From), WarningNames.State(e.To), e.Note))],
            SpikeSeries.Read(w.Series));
    }
}
