using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Files;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Campaigns;

public sealed record TaskPhoto(string Id, string ContentType, Func<Stream> Open);

// A task's photo is served only through the task, to those who see it, and only if it is the task's.
public sealed class GetTaskPhoto(GridDbContext db, FileStore files)
{
    public async Task<Result<TaskPhoto>> HandleAsync(long id, string photo, CancellationToken ct = default)
    {
        var photos = await db.Set<CampaignTask>().AsNoTracking().Where(t => t.Id == id).Select(t => t.Photos).FirstOrDefaultAsync(ct);
        if (photos is null || !photos.Split(',').Contains(photo) || files.Find(photo) is not { } f) return Result<TaskPhoto>.NotFound();
        return Result<TaskPhoto>.Ok(new(photo, f.ContentType, () => files.Open(photo)));
    }
}
