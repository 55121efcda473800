using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Infrastructure.Files;

// Who uploaded which photo. A photo id is the hash of its content, so the same picture uploaded by
// two people has two rows. Only its uploader may name a photo in a report or an action; once it is
// on a record, those who may see the record see it there (GetTicketPhoto …), and nobody else.
public class PhotoUpload
{
    public long Id { get; set; }
    public required string PhotoId { get; set; }
    public long UploaderId { get; set; }
    public DateTime UploadedAt { get; set; }
}

sealed class PhotoUploadConfiguration : IEntityTypeConfiguration<PhotoUpload>
{
    public void Configure(EntityTypeBuilder<PhotoUpload> b)
    {
        b.ToTable("PhotoUploads");
        b.Property(p => p.PhotoId).HasMaxLength(64);
        b.HasIndex(p => new { p.UploaderId, p.PhotoId }).IsUnique();
    }
}

// The photos a report, an action, a visit or a task names: at most Max, each uploaded by the caller. An id that is
// someone else's answers exactly like one that does not exist, so that an id tells nothing.
public sealed class OwnPhotos(GridDbContext db, CurrentUser user, FileStore files)
{
    public const int Max = 9;

    public async Task<(List<string> Photos, string? Error)> CheckAsync(IReadOnlyList<string?>? given, CancellationToken ct)
    {
        if (given is null || given.Count == 0) return ([], null);
        // Counted before anything is looked at: a long list costs nothing.
        if (given.Count > Max) return ([], $"照片最多 {Max} 张（提交了 {given.Count} 张）");
        var photos = given.Select(p => (p ?? "").Trim().ToLowerInvariant()).Distinct().ToList();
        var me = user.UserId ?? 0;
        var valid = photos.Where(FileStore.IsId).ToList();
        var mine = await db.Set<PhotoUpload>().AsNoTracking().Where(p => p.UploaderId == me && valid.Contains(p.PhotoId))
            .Select(p => p.PhotoId).ToListAsync(ct);
        if (photos.FirstOrDefault(p => !mine.Contains(p) || !files.Exists(p)) is { } missing)
            return (photos, $"照片 {(missing.Length > 12 ? missing[..12] + "…" : missing)} 不存在，请重新上传");
        return (photos, null);
    }
}
