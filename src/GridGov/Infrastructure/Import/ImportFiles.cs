using System.Security.Cryptography;

namespace GridGov.Infrastructure.Import;

// Uploaded import files, kept under <data>/imports until their batch is done (they hold personal data:
// once the rows are in, the encrypted quarantine is all that remains of them).
public sealed class ImportFiles(DataFolder folder)
{
    public const long MaxBytes = 512L * 1024 * 1024;
    readonly string root = Path.Combine(folder.Path, "imports");

    public string PathOf(ImportBatch batch) => Path.Combine(root, $"{batch.Id}.{batch.Format}");

    // Copies the upload to a temp file (refusing past the limit) and answers its path and SHA-256.
    public async Task<(string? Path, string? Sha256, string? Error)> ReceiveAsync(Stream content, CancellationToken ct)
    {
        Directory.CreateDirectory(root);
        var temp = Path.Combine(root, Guid.NewGuid().ToString("N") + ".upload");
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        await using (var file = File.Create(temp))
        {
            var buffer = new byte[81920];
            int n;
            while ((n = await content.ReadAsync(buffer, ct)) > 0)
            {
                size += n;
                if (size > MaxBytes) { file.Close(); File.Delete(temp); return (null, null, $"文件不能超过 {MaxBytes / 1024 / 1024} MB"); }
                sha.AppendData(buffer, 0, n);
                await file.WriteAsync(buffer.AsMemory(0, n), ct);
            }
        }
        if (size == 0) { File.Delete(temp); return (null, null, "文件是空的"); }
        return (temp, Convert.ToHexStringLower(sha.GetHashAndReset()), null);
    }

    public void Keep(string temp, ImportBatch batch) => File.Move(temp, PathOf(batch), overwrite: true);

    public void Discard(string temp) { try { File.Delete(temp); } catch (IOException) { } }

    public void Delete(ImportBatch batch) { try { File.Delete(PathOf(batch)); } catch (IOException) { } }
}
