using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace GridGov.Infrastructure.Database;

// The secret that keys the audit chain (HMAC-SM3). It never goes into the database, so whoever can
// only write the database cannot forge a link. Only its id (a MAC of a constant) is stored.
public sealed class AuditKey
{
    readonly byte[] secret;

    public AuditKey(byte[] secret)
    {
        if (secret.Length < 16) throw new ArgumentException("审计密钥至少需要 16 字节", nameof(secret));
        this.secret = secret.ToArray();
        Id = Mac("GridGov audit key id")[..16];
    }

    public string Id { get; }

    public string Mac(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var mac = new HMac(new SM3Digest());
        mac.Init(new KeyParameter(secret));
        mac.BlockUpdate(bytes, 0, bytes.Length);
        var result = new byte[mac.GetMacSize()];
        mac.DoFinal(result, 0);
        return Convert.ToHexStringLower(result);
    }

    public static AuditKey New() => new(RandomNumberGenerator.GetBytes(32));
}

// Where the key comes from: GridGov:AuditKey (base64) if set, else a key file made on the first audited
// write (<data>/audit/audit.key, owner-only). Also names the anchor file. One per database.
public sealed class AuditKeys(string? configured, string keyFile, string anchorFile)
{
    readonly Lock gate = new();
    AuditKey? key;

    public string KeyFile { get; } = keyFile;
    public string AnchorFile { get; } = anchorFile;
    public bool Configured => !string.IsNullOrWhiteSpace(configured);
    // The writer's note that the chain's newest key-start record is this key's (so it need not look).
    internal string? ChainKeyId { get; set; }

    public static AuditKeys FromConfiguration(IConfiguration config, string dataDir) => new(
        config["GridGov:AuditKey"],
        Path.GetFullPath(config["GridGov:AuditKeyFile"] ?? Path.Combine(dataDir, "audit", "audit.key")),
        Path.GetFullPath(config["GridGov:AuditAnchorFile"] ?? Path.Combine(dataDir, "audit", "anchor.json")));

    public static AuditKeys Ephemeral()
    {
        var dir = Path.Combine(Path.GetTempPath(), "gridgov-audit-" + Guid.NewGuid().ToString("N"));
        return new(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Path.Combine(dir, "audit.key"), Path.Combine(dir, "anchor.json"));
    }

    // The key if there is one; never creates it (verification must not invent a key).
    public AuditKey? Load()
    {
        lock (gate)
        {
            if (key is not null) return key;
            if (Configured) return key = Parse(configured!, "GridGov:AuditKey");
            return File.Exists(KeyFile) ? key = Parse(File.ReadAllText(KeyFile), KeyFile) : null;
        }
    }

    // For writing: the key, made and saved on first use.
    public AuditKey GetOrCreate()
    {
        lock (gate)
        {
            if (Load() is { } existing) return existing;
            Crypto.SecretFile.ReadOrCreate(KeyFile);
            return Load()!;
        }
    }

    static AuditKey Parse(string base64, string source)
    {
        try { return new AuditKey(Convert.FromBase64String(base64.Trim())); }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new InvalidOperationException($"审计密钥无效（{source}）：应为至少 16 字节的 base64 文本", e);
        }
    }
}
