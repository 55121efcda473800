using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace GridGov.Infrastructure.Crypto;

// ID and phone numbers at rest (DESIGN.md §7, GM/T 0054 asks for the national algorithms): encrypted
// with SM4-GCM under a random nonce, so equal numbers never look alike in the database, and findable by
// exact match through a keyed SM3 hash (HMAC-SM3), so that whoever reads the database alone can neither
// read nor test a guessed number. Both keys derive from one secret that never enters the database.
public sealed class PersonalData
{
    const byte Version = 1;
    const int NonceBytes = 12, TagBits = 128;
    readonly byte[] encryptionKey, lookupKey;
    [ThreadStatic] static HMac? lookupMac;
    [ThreadStatic] static byte[]? lookupMacKeyOwner;
    // GCM precomputes tables from the key: a thread's cipher keeps them and takes only a new nonce.
    [ThreadStatic] static GcmBlockCipher? encryptor;
    [ThreadStatic] static byte[]? encryptorKeyOwner;

    public PersonalData(byte[] secret)
    {
        if (secret.Length < 16) throw new ArgumentException("个人信息密钥至少需要 16 字节", nameof(secret));
        encryptionKey = Derive(secret, "GridGov personal data encryption")[..16];
        lookupKey = Derive(secret, "GridGov personal data lookup");
        KeyId = Convert.ToHexStringLower(Derive(secret, "GridGov personal data key id")[..8]);
    }

    // Names the key (not secret): a database written under another key is recognised at start.
    public string KeyId { get; }

    public static PersonalData Ephemeral() => new(RandomNumberGenerator.GetBytes(32));

    public string Encrypt(string plain)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var gcm = encryptor;
        if (gcm is null || !ReferenceEquals(encryptorKeyOwner, encryptionKey))
        {
            encryptor = gcm = new GcmBlockCipher(new SM4Engine());
            encryptorKeyOwner = encryptionKey;
            gcm.Init(true, new AeadParameters(new KeyParameter(encryptionKey), TagBits, nonce));
        }
        else gcm.Init(true, new AeadParameters(null, TagBits, nonce));
        var input = Encoding.UTF8.GetBytes(plain);
        var output = new byte[1 + NonceBytes + gcm.GetOutputSize(input.Length)];
        output[0] = Version;
        nonce.CopyTo(output, 1);
        var n = gcm.ProcessBytes(input, 0, input.Length, output, 1 + NonceBytes);
        gcm.DoFinal(output, 1 + NonceBytes + n);
        return Convert.ToBase64String(output);
    }

    // Throws on a value not written under this key (a tampered row or a wrong key): never a wrong answer.
    public string Decrypt(string stored)
    {
        var bytes = Convert.FromBase64String(stored);
        if (bytes.Length < 1 + NonceBytes + TagBits / 8 || bytes[0] != Version) throw new CryptographicException("不是本系统加密的个人信息");
        var gcm = new GcmBlockCipher(new SM4Engine());
        gcm.Init(false, new AeadParameters(new KeyParameter(encryptionKey), TagBits, bytes.AsSpan(1, NonceBytes).ToArray()));
        var output = new byte[gcm.GetOutputSize(bytes.Length - 1 - NonceBytes)];
        var n = gcm.ProcessBytes(bytes, 1 + NonceBytes, bytes.Length - 1 - NonceBytes, output, 0);
        try { n += gcm.DoFinal(output, n); }
        catch (Org.BouncyCastle.Crypto.InvalidCipherTextException e) { throw new CryptographicException("个人信息密文校验失败：密钥不符或数据被改动", e); }
        return Encoding.UTF8.GetString(output, 0, n);
    }

    // 32 hex characters (128 bits) of HMAC-SM3: the exact-match index of a number.
    public string Hash(string plain)
    {
        if (lookupMac is null || !ReferenceEquals(lookupMacKeyOwner, lookupKey))
        {
            lookupMac = new HMac(new SM3Digest());
            lookupMac.Init(new KeyParameter(lookupKey));
            lookupMacKeyOwner = lookupKey;
        }
        Span<byte> input = stackalloc byte[Encoding.UTF8.GetMaxByteCount(plain.Length)];
        var length = Encoding.UTF8.GetBytes(plain, input);
        lookupMac.BlockUpdate(input[..length]);
        Span<byte> result = stackalloc byte[32];
        lookupMac.DoFinal(result);
        return Convert.ToHexStringLower(result[..16]);
    }

    static byte[] Derive(byte[] secret, string purpose)
    {
        var mac = new HMac(new SM3Digest());
        mac.Init(new KeyParameter(secret));
        var input = Encoding.UTF8.GetBytes(purpose);
        mac.BlockUpdate(input, 0, input.Length);
        var result = new byte[mac.GetMacSize()];
        mac.DoFinal(result, 0);
        return result;
    }
}
