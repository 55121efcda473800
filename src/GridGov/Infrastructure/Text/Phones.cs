namespace GridGov.Infrastructure.Text;

// Phone numbers as people write them (+86 138-0000-0000, 0086 13800000000, 025-8888 6666) brought to one
// form: 11-digit mobiles; landlines as area code, hyphen, number (025-88886666).
public static class Phones
{
    public static (string? Phone, string? Error) Normalize(string? text)
    {
        var raw = (text ?? "").Trim();
        if (raw.Length == 0) return (null, "电话号码为空");
        var digits = new string([.. raw.Where(char.IsAsciiDigit)]);
        if (raw.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-' or '+' or '(' or ')')))
            return (null, "电话号码只能含数字、空格、+、- 和括号");
        if (digits.StartsWith("0086")) digits = digits[4..];
        else if (raw.StartsWith('+') && digits.StartsWith("86")) digits = digits[2..];
        if (digits.Length == 11 && digits[0] == '1')
            return digits[1] is >= '3' and <= '9' ? (digits, null) : (null, $"手机号码 {Mask(digits)} 的第二位不正确");
        if (digits.Length is >= 10 and <= 12 && digits[0] == '0')
        {
            // Area codes are 010 and 02x (three digits), or four digits elsewhere.
            var area = digits[1] is '1' or '2' ? 3 : 4;
            var local = digits[area..];
            if (local.Length is 7 or 8) return (digits[..area] + "-" + local, null);
        }
        return (null, "电话号码应为 11 位手机号码或带区号的固定电话");
    }

    // 138****5678; a landline keeps its area code and last four.
    public static string Mask(string phone)
    {
        if (phone.Length == 11 && phone[0] == '1') return phone[..3] + "****" + phone[7..];
        var dash = phone.IndexOf('-');
        if (dash > 0 && phone.Length - dash > 5) return phone[..(dash + 1)] + new string('*', phone.Length - dash - 5) + phone[^4..];
        return phone.Length <= 4 ? new string('*', phone.Length) : new string('*', phone.Length - 4) + phone[^4..];
    }
}
