using System.Globalization;
using GridGov.Infrastructure;

namespace GridGov.Features.Tickets;

// A ticket number read back (Ticket.NumberOf: the China report date, then the id with at least seven
// digits), as a hotline call-back reads it out. The date is checked too, so that a number with a
// mistyped date finds nothing rather than another day's ticket.
public static class TicketNumbers
{
    public readonly record struct Parsed(long Id, DateTime FromUtc, DateTime ToUtc);

    public static bool TryParse(string? text, out Parsed number)
    {
        number = default;
        var s = text?.Trim();
        if (s is null || s.Length < 15 || s.Length > 26 || !s.All(char.IsAsciiDigit)) return false;
        if (!DateOnly.TryParseExact(s[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day.Year is < 2000 or > 2100)
            return false;
        if (!long.TryParse(s[8..], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0) return false;
        // Ids of more than seven digits are written in full: a leading zero beyond the seventh is not one.
        if (s.Length > 15 && s[8] == '0') return false;
        number = new(id, ChinaTime.ToUtc(day.ToDateTime(TimeOnly.MinValue)), ChinaTime.ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue)));
        return true;
    }
}
