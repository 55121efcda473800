namespace GridGov.Infrastructure.Places;

public enum OrgLevel { City, District, Street, Community, Grid }

// Division codes are fixed-width per level (DESIGN.md §4): city 4, district 6, street 9, community 12,
// grid 15 digits. Padding a code to 15 digits makes every subtree one integer range.
public static class OrgCode
{
    public const int GridDigits = 15;

    public static int Digits(OrgLevel level) => level switch
    {
        OrgLevel.City => 4,
        OrgLevel.District => 6,
        OrgLevel.Street => 9,
        OrgLevel.Community => 12,
        _ => 15,
    };

    public static OrgLevel? LevelOf(long code) => code.ToString().Length switch
    {
        4 => OrgLevel.City,
        6 => OrgLevel.District,
        9 => OrgLevel.Street,
        12 => OrgLevel.Community,
        15 => OrgLevel.Grid,
        _ => null,
    };

    public static bool TryParse(string? text, OrgLevel expected, out long code)
    {
        code = 0;
        text = text?.Trim();
        return text is not null && text.Length == Digits(expected) && text[0] != '0'
            && text.All(char.IsAsciiDigit) && long.TryParse(text, out code);
    }

    static long Pow10(int n)
    {
        long p = 1;
        for (var i = 0; i < n; i++) p *= 10;
        return p;
    }

    // The first 15-digit code of the unit's subtree; for a grid the code itself.
    public static long Pad(long code) => code * Pow10(GridDigits - code.ToString().Length);

    // Inclusive range of 15-digit codes covered by the unit and everything below it.
    public static (long From, long To) Subtree(long code)
    {
        var scale = Pow10(GridDigits - code.ToString().Length);
        return (code * scale, (code + 1) * scale - 1);
    }

    // The unit of a level that a 15-digit grid code lies in: Street(320102002001001) = 320102002.
    public static long At(long gridCode, OrgLevel level) => gridCode / Pow10(GridDigits - Digits(level));
    public static long District(long gridCode) => At(gridCode, OrgLevel.District);
    public static long Street(long gridCode) => At(gridCode, OrgLevel.Street);
    public static long Community(long gridCode) => At(gridCode, OrgLevel.Community);

    public static long? Parent(long code) => LevelOf(code) switch
    {
        OrgLevel.District => code / 100,
        OrgLevel.Street => code / 1000,
        OrgLevel.Community => code / 1000,
        OrgLevel.Grid => code / 1000,
        _ => null,
    };

    public static string LevelName(OrgLevel level) => level switch
    {
        OrgLevel.City => "市",
        OrgLevel.District => "区县",
        OrgLevel.Street => "街道",
        OrgLevel.Community => "社区",
        _ => "网格",
    };
}
