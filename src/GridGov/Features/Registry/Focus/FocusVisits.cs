using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Files;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Focus;

public sealed record FocusVisitPhoto(string Id, string ContentType, Func<Stream> Open);

// A subject's visits, newest first, and their photos: only through a subject the caller sees (its
// area and, for a special kind, registry.special — the filter on both tables), else 404.
public sealed class FocusVisits(GridDbContext db, FileStore files)
{
    public const int MaxListed = 100;

    public async Task<Result<List<FocusVisitRow>>> ListAsync(long subjectId, int take = MaxListed, CancellationToken ct = default)
    {
        if (!await db.Set<FocusSubject>().AnyAsync(s => s.Id == subjectId, ct)) return Result<List<FocusVisitRow>>.NotFound();
        var visits = await db.Set<FocusVisit>().AsNoTracking().Where(v => v.FocusSubjectId == subjectId)
            .OrderByDescending(v => v.VisitedAt).ThenByDescending(v => v.Id).Take(Math.Clamp(take, 1, MaxListed)).ToListAsync(ct);
        return Result<List<FocusVisitRow>>.Ok([.. visits.Select(FocusVisitRow.Of)]);
    }

    public async Task<Result<FocusVisitPhoto>> PhotoAsync(long subjectId, long visitId, string photo, CancellationToken ct = default)
    {
        var photos = await db.Set<FocusVisit>().AsNoTracking().Where(v => v.Id == visitId && v.FocusSubjectId == subjectId)
            .Select(v => v.Photos).FirstOrDefaultAsync(ct);
        if (!FocusVisitRow.Split(photos).Contains(photo) || !await db.Set<FocusSubject>().AnyAsync(s => s.Id == subjectId, ct)
            || files.Find(photo) is not { } f) return Result<FocusVisitPhoto>.NotFound();
        return Result<FocusVisitPhoto>.Ok(new(photo, f.ContentType, () => files.Open(photo)));
    }
}
