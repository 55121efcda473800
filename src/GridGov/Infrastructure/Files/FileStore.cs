using System.Security.Cryptography;

namespace GridGov.Infrastructure.Files;

public sealed record StoredFile(string Id, string ContentType, long Size);

// Photos and attachments, content-addressed under the data folder (DESIGN.md §3): a file's name is
// the SHA-256 of its bytes, so a retried upload stores nothing twice and a stored file cannot change.
// Only images are taken: recognised by their bytes (not the name or the declared type), then decoded
// and stored as a new JPEG (Photos), so what is served is always a plain image this app wrote.
public sealed class FileStore(DataFolder folder)
{
    public const long MaxPhotoBytes = 10 * 1024 * 1024;
    readonly string root = Path.Combine(folder.Path, "files");

    public sealed record Outcome(StoredFile? File, string? Error);

    public async Task<Outcome> SavePhotoAsync(Stream content, CancellationToken ct = default)
    {
        // Read at most one byte past the limit: enough to know it is too big without reading it all.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > MaxPhotoBytes) return new(null, $"照片不能超过 {MaxPhotoBytes / 1024 / 1024} MB");
        }
        if (buffer.Length == 0) return new(null, "照片是空文件");
        if (ImageType(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) is null) return new(null, "只能上传 JPEG、PNG 或 WebP 格式的照片");
        var (jpeg, error) = await Photos.ReencodeAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct);
        if (jpeg is null) return new(null, error);
        const string type = "image/jpeg";
        var id = Convert.ToHexStringLower(SHA256.HashData(jpeg));
        var path = PathOf(id);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Written aside and moved into place, so a crash never leaves a half file under its hash.
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllBytesAsync(temp, jpeg, ct);
            File.Move(temp, path, overwrite: true);
        }
        return new(new StoredFile(id, type, jpeg.Length), null);
    }

    public bool Exists(string id) => IsId(id) && File.Exists(PathOf(id));

    public StoredFile? Find(string id)
    {
        if (!Exists(id)) return null;
        var path = PathOf(id);
        Span<byte> head = stackalloc byte[16];
        using var f = File.OpenRead(path);
        var read = f.Read(head);
        return ImageType(head[..read]) is { } type ? new StoredFile(id, type, f.Length) : null;
    }

    public Stream Open(string id) => File.OpenRead(PathOf(id));

    public static bool IsId(string? id) => id is { Length: 64 } && id.All(char.IsAsciiHexDigitLower);

    string PathOf(string id) => Path.Combine(root, id[..2], id[2..4], id);

    static string? ImageType(ReadOnlySpan<byte> b) =>
        b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF ? "image/jpeg"
        : b.Length >= 8 && b[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
        : null;
}
