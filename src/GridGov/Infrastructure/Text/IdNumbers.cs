using System.Globalization;

namespace GridGov.Infrastructure.Text;

// 公民身份号码 by GB 11643-1999: 6-digit region (GB/T 2260), birth date YYYYMMDD, 3-digit sequence
// (odd = male), check character = "10X98765432"[Σ dᵢ·wᵢ mod 11]. A 15-digit number (issued before
// 1999) is upgraded: "19" is put before its 6-digit birth date and the check character computed.
// Every refusal says why, in words a clerk can act on.
public static class IdNumbers
{
    static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const string CheckChars = "10X98765432";

    // GB/T 2260 province-level codes; 81/82/83 are the 港澳台居民居住证 numbers, which follow the same rule.
    static readonly HashSet<string> Provinces =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
        "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83",
    ];

    public readonly record struct Checked(string? Number, string? Error, bool Upgraded)
    {
        public bool Valid => Number is not null;
    }

    // `today` is the China date the birth date must not be after.
    public static Checked Check(string? text, DateOnly today)
    {
        var s = (text ?? "").Trim().ToUpperInvariant();
        if (s.Length == 0) return Fail("公民身份号码为空");
        var upgraded = false;
        if (s.Length == 15)
        {
            if (!s.All(char.IsAsciiDigit)) return Fail("15 位身份号码应全部为数字");
            s = s[..6] + "19" + s[6..];
            s += CheckChar(s);
            upgraded = true;
        }
        else if (s.Length != 18) return Fail($"公民身份号码应为 18 位（或旧的 15 位），实际为 {s.Length} 位");
        if (!s[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(s[17]) || s[17] == 'X'))
            return Fail("公民身份号码只能由数字组成，最后一位可以是 X");
        if (!Provinces.Contains(s[..2]) || s[2..4] == "00" && s[..2] is not ("81" or "82" or "83"))
            return Fail($"地址码 {s[..6]} 不是有效的行政区划代码");
        if (!DateOnly.TryParseExact(s[6..14], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
            return Fail($"出生日期 {s[6..10]}-{s[10..12]}-{s[12..14]} 不存在");
        if (birth > today) return Fail($"出生日期 {birth:yyyy-MM-dd} 晚于今天");
        if (birth.Year < 1850) return Fail($"出生日期 {birth:yyyy-MM-dd} 过早");
        var check = CheckChar(s);
        if (s[17] != check) return Fail($"校验位应为 {check}，实际为 {s[17]}（号码可能有误）");
        return new(s, null, upgraded);
    }

    static Checked Fail(string reason) => new(null, reason, false);

    // The check character of the first 17 digits.
    public static char CheckChar(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    public static DateOnly BirthDate(string valid18) => DateOnly.ParseExact(valid18[6..14], "yyyyMMdd", CultureInfo.InvariantCulture);

    // GB/T 2261.1 code: 1 男, 2 女, from the sequence's parity.
    public static string GenderCode(string valid18) => (valid18[16] - '0') % 2 == 1 ? "1" : "2";

    // 3201**********123X: the region's first four and the last four, as Chinese systems show it.
    public static string Mask(string number) => number.Length <= 8 ? new string('*', number.Length)
        : number[..4] + new string('*', number.Length - 8) + number[^4..];
}
