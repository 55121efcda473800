using GridGov.Infrastructure.Files;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Tickets.Intake;

// One photo into the content-addressed store, before the report or action that names it; a file
// that is no image or too big is refused with its name.
public sealed class UploadPhoto(FileStore files)
{
    public async Task<Result<StoredFile>> HandleAsync(Stream content, string fileName, CancellationToken ct = default)
    {
        var o = await files.SavePhotoAsync(content, ct);
        return o.File is { } f ? Result<StoredFile>.Created(f, $"/api/v1/files/photos/{f.Id}")
            : Result<StoredFile>.Invalid("file", $"{fileName}：{o.Error}");
    }
}
