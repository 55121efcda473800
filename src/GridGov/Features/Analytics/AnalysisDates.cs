using System.Globalization;

namespace GridGov.Features.Analytics;

public static class AnalysisDates
{
    // A China date typed as 年-月-日; a wrong one adds a Chinese error under its field.
    public static DateOnly? Parse(string? text, string field, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            errors[field] = [$"{name}“{text.Trim()}”格式不正确，应为 年-月-日，如 2026-01-31"];
        else if (d.Year is < 2000 or > 2100) errors[field] = [$"{name}应在 2000 年至 2100 年之间"];
        else return d;
        return null;
    }
}
