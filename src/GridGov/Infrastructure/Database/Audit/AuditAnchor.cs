using System.Globalization;
using System.Text.Json;

namespace GridGov.Infrastructure.Database;

public enum AnchorStatus { Missing, Valid, Invalid, OtherKey, NoKey }

// The chain's head as last seen by the application, kept outside the database and signed with the
// audit key (HMAC-SM3): the database cannot be cut back behind it, nor rewritten up to it, unseen.
// KeyedFrom is the key-start record of the stretch the head is in (0: none).
public sealed record AuditAnchor(long Seq, string Hash, DateTime At, long KeyedFrom, string KeyId = "", string Mac = "")
{
    static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    string Text => string.Join('\u001f', "GridGov audit anchor", Seq.ToString(CultureInfo.InvariantCulture), Hash,
        At.Ticks.ToString(CultureInfo.InvariantCulture), KeyedFrom.ToString(CultureInfo.InvariantCulture), KeyId);

    public AuditAnchor Sign(AuditKey key)
    {
        var unsigned = this with { KeyId = key.Id };
        return unsigned with { Mac = key.Mac(unsigned.Text) };
    }

    public static (AuditAnchor? Anchor, AnchorStatus Status) Read(string path, AuditKey? key)
    {
        if (!File.Exists(path)) return (null, AnchorStatus.Missing);
        AuditAnchor? anchor;
        try { anchor = JsonSerializer.Deserialize<AuditAnchor>(File.ReadAllText(path), Json); }
        catch (JsonException) { return (null, AnchorStatus.Invalid); }
        if (anchor is null || anchor.Hash is null || anchor.KeyId is null || anchor.Mac is null) return (null, AnchorStatus.Invalid);
        if (key is null) return (anchor, AnchorStatus.NoKey);
        if (anchor.KeyId != key.Id) return (anchor, AnchorStatus.OtherKey);
        return (anchor, key.Mac(anchor.Text) == anchor.Mac ? AnchorStatus.Valid : AnchorStatus.Invalid);
    }

    // Written beside and then moved over the old one, so a crash leaves the old anchor or the new.
    public void Write(string path)
    {
        var dir = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(dir);
        else Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temp, options)) JsonSerializer.Serialize(stream, this, Json);
        File.Move(temp, path, overwrite: true);
    }
}
