using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Files;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets;

public sealed record TicketPhoto(string Id, string ContentType, Func<Stream> Open);

// A photo is served only through a ticket the caller may see, and only if it belongs to it.
public sealed class GetTicketPhoto(GridDbContext db, FileStore files)
{
    public async Task<Result<TicketPhoto>> HandleAsync(long id, string photo, CancellationToken ct = default)
    {
        var photos = await db.TicketEvents.AsNoTracking().Where(e => e.TicketId == id && e.Photos != null).Select(e => e.Photos!).ToListAsync(ct);
        if (!photos.SelectMany(p => p.Split(',')).Contains(photo) || files.Find(photo) is not { } f) return Result<TicketPhoto>.NotFound();
        return Result<TicketPhoto>.Ok(new(photo, f.ContentType, () => files.Open(photo)));
    }
}
