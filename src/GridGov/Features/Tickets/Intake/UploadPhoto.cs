using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Files;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets.Intake;

// One photo into the content-addressed store, before the report or action that names it: decoded
// and stored again as a plain JPEG (FileStore), and recorded as the caller's, who alone may then
// attach it. A file that is no image, is damaged or too big is refused with its name.
public sealed class UploadPhoto(FileStore files, GridDbContext db, CurrentUser user, TimeProvider time)
{
    public async Task<Result<StoredFile>> HandleAsync(Stream content, string fileName, CancellationToken ct = default)
    {
        var o = await files.SavePhotoAsync(content, ct);
        if (o.File is not { } f) return Result<StoredFile>.Invalid("file", $"{Infrastructure.Text.CleanText.Line(Path.GetFileName(fileName))}：{o.Error}");
        if (user.UserId is not { } me) return Result<StoredFile>.Forbidden("请先登录");
        if (!await db.Set<PhotoUpload>().AnyAsync(p => p.UploaderId == me && p.PhotoId == f.Id, ct))
        {
            var row = new PhotoUpload { PhotoId = f.Id, UploaderId = me, UploadedAt = time.GetUtcNow().UtcDateTime };
            db.Add(row);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException)
            {
                // The same picture sent twice at once: the unique index keeps one row, which is all we need.
                db.Entry(row).State = EntityState.Detached;
                if (!await db.Set<PhotoUpload>().AsNoTracking().AnyAsync(p => p.UploaderId == me && p.PhotoId == f.Id, ct)) throw;
            }
        }
        return Result<StoredFile>.Created(f, $"/api/v1/files/photos/{f.Id}");
    }
}
