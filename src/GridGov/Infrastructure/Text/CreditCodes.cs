namespace GridGov.Infrastructure.Text;

// 统一社会信用代码 by GB 32100-2015: 18 characters from "0123456789ABCDEFGHJKLMNPQRTUWXY" (no I, O, S,
// V, Z): registration authority, organisation type, 6-digit region, 9-character organisation code
// and a check character over the first 17 (weights 3ⁱ mod 31). The organisation body's own GB 11714
// check is not tested: 个体工商户 codes carry bodies that were never organisation codes.
public static class CreditCodes
{
    const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static (string? Code, string? Error) Check(string? text)
    {
        var s = (text ?? "").Trim().ToUpperInvariant();
        if (s.Length != 18) return (null, $"统一社会信用代码应为 18 位，实际为 {s.Length} 位");
        var bad = s.FirstOrDefault(c => !Alphabet.Contains(c));
        if (bad != default) return (null, $"统一社会信用代码不能含有字符 {bad}（不使用 I、O、S、V、Z）");
        if (!s[2..8].All(char.IsAsciiDigit)) return (null, "统一社会信用代码第 3–8 位应为行政区划代码");
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(s[i]) * Weights[i];
        var check = Alphabet[(31 - sum % 31) % 31];
        if (s[17] != check) return (null, $"校验位应为 {check}，实际为 {s[17]}（代码可能有误）");
        return (s, null);
    }

    // For generated data: a valid code from its first 17 characters.
    public static string Make(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        return first17 + Alphabet[(31 - sum % 31) % 31];
    }
}
