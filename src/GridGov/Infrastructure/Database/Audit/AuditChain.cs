using System.Globalization;
using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace GridGov.Infrastructure.Database;

// SM3 (GM/T 0004) over a canonical text of the record; the national hash GM/T 0054 asks for.
public static class AuditChain
{
    public static string ComputeHash(AuditRecord r)
    {
        var text = string.Join('\u001f',
            r.Seq.ToString(CultureInfo.InvariantCulture),
            r.At.Ticks.ToString(CultureInfo.InvariantCulture),
            r.ActorId?.ToString(CultureInfo.InvariantCulture) ?? "",
            r.ActorName, r.Ip ?? "", r.Action, r.EntityType, r.EntityKey,
            r.GridCode.ToString(CultureInfo.InvariantCulture),
            r.Before ?? "", r.After ?? "", r.PrevHash);
        return Sm3Hex(text);
    }

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
