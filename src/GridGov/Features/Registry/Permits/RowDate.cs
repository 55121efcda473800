using System.Globalization;
using GridGov.Infrastructure.Import;

namespace GridGov.Features.Registry.Permits;

// A date cell of an import row in the forms people type (the pipeline writes Excel dates as YYYY-MM-DD).
static class RowDate
{
    static readonly string[] Formats = ["yyyy-MM-dd", "yyyyMMdd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyy年M月d日"];

    public static DateOnly? Parse(ImportRow row, string field, bool required, List<RowProblem> problems)
    {
        var text = row[field];
        if (text.Length == 0)
        {
            if (required) problems.Add(new(field, "必填"));
            return null;
        }
        if (DateOnly.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        problems.Add(new(field, $"“{text}”不是日期（YYYY-MM-DD）"));
        return null;
    }
}
