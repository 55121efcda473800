using System.Globalization;
using System.Text;
using System.Text.Json;
using Org.BouncyCastle.Crypto.Digests;

namespace GridGov.Infrastructure.Database;

// SM3 (GM/T 0004) over a canonical text of the record; the national hash GM/T 0054 asks for. From a
// key-start record on, the hash is HMAC-SM3 with the audit key (ADR 0004); records written before
// the chain was keyed keep their plain SM3.
public static class AuditChain
{
    // The record that opens a keyed stretch of the chain; its EntityKey is the key's id.
    public const string KeyStartAction = "KeyStart";
    public const string KeyEntity = "AuditKey";

    public static bool IsKeyStart(AuditRecord r) => r.Action == KeyStartAction && r.EntityType == KeyEntity;

    // Plain SM3: only the links written before the chain was keyed.
    public static string ComputeHash(AuditRecord r) => Sm3Hex(Canonical(r));

    public static string ComputeHash(AuditRecord r, AuditKey? key) => key is null ? ComputeHash(r) : key.Mac(Canonical(r));

    static string Canonical(AuditRecord r) => string.Join('\u001f',
        r.Seq.ToString(CultureInfo.InvariantCulture),
        r.At.Ticks.ToString(CultureInfo.InvariantCulture),
        r.ActorId?.ToString(CultureInfo.InvariantCulture) ?? "",
        r.ActorName, r.Ip ?? "", r.Action, r.EntityType, r.EntityKey,
        r.GridCode.ToString(CultureInfo.InvariantCulture),
        r.Before ?? "", r.After ?? "", r.PrevHash);

    public static AuditRecord KeyStart(AuditKey key, string? previousKeyId, DateTime at) => new()
    {
        At = at, ActorName = AuditActor.System.Name, Action = KeyStartAction, EntityType = KeyEntity, EntityKey = key.Id,
        After = JsonSerializer.Serialize(new { Algorithm = "HMAC-SM3", KeyId = key.Id, PreviousKeyId = previousKeyId }),
    };

    public static string Sm3Hex(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var digest = new SM3Digest();
        digest.BlockUpdate(bytes, 0, bytes.Length);
        var result = new byte[digest.GetDigestSize()];
        digest.DoFinal(result, 0);
        return Convert.ToHexStringLower(result);
    }

    // PostgreSQL keeps microseconds; cut the ticks there so a stored record hashes the same when read back.
    public static DateTime Now(TimeProvider clock)
    {
        var t = clock.GetUtcNow().UtcDateTime.Ticks;
        return new DateTime(t - t % 10, DateTimeKind.Utc);
    }
}
