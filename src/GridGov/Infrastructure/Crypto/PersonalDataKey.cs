namespace GridGov.Infrastructure.Crypto;

// Where the personal-data secret comes from: GridGov:PersonalDataKey (base64) if set, else the key
// file (GridGov:PersonalDataKeyFile, default <data>/secrets/personal-data.key) made on first start.
// Losing it makes every stored ID and phone number unreadable: README tells operators to back it up,
// and the start-up message names the file.
public static class PersonalDataKey
{
    public static (PersonalData Data, string? KeyFile) Load(IConfiguration config, string dataDir)
    {
        var configured = config["GridGov:PersonalDataKey"];
        if (!string.IsNullOrWhiteSpace(configured)) return (Parse(configured, "GridGov:PersonalDataKey"), null);
        var file = Path.GetFullPath(config["GridGov:PersonalDataKeyFile"] ?? Path.Combine(dataDir, "secrets", "personal-data.key"));
        return (Parse(SecretFile.ReadOrCreate(file), file), file);
    }

    static PersonalData Parse(string base64, string source)
    {
        try { return new PersonalData(Convert.FromBase64String(base64.Trim())); }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new InvalidOperationException($"个人信息密钥无效（{source}）：应为至少 16 字节的 base64 文本", e);
        }
    }
}
