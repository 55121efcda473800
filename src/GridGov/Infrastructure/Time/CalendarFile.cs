using System.Globalization;
using CsvHelper;
using GridGov.Infrastructure.Files;

namespace GridGov.Infrastructure.Time;

// Reads the holiday CSV (date,kind,name) that ships in data/calendar. Every error names the file, line and
// column, because the file is edited by hand once a year when the State Council publishes its arrangement.
public static class CalendarFile
{
    static readonly string[] Columns = ["date", "kind", "name"];
    static readonly string[] WeekdayNames = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    public static IReadOnlyList<CalendarDay> Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path));
    }

    public static IReadOnlyList<CalendarDay> Read(TextReader reader, string fileName) =>
        DataCsv.Read(reader, fileName, Columns, csv => ReadRows(csv, fileName));

    static List<CalendarDay> ReadRows(CsvReader csv, string fileName)
    {
        var days = new List<CalendarDay>();
        var lines = new Dictionary<DateOnly, int>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var dateText = csv.GetField("date") ?? "";
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw DataCsv.Error(fileName, line, "date", $"日期“{dateText}”无效，应为 yyyy-MM-dd 格式，如 2026-10-01");
            if (!lines.TryAdd(date, line))
                throw DataCsv.Error(fileName, line, "date", $"日期 {dateText} 重复（第 {lines[date]} 行已有）");

            var kindText = csv.GetField("kind") ?? "";
            DayKind kind;
            if (kindText.Equals(nameof(DayKind.Holiday), StringComparison.OrdinalIgnoreCase)) kind = DayKind.Holiday;
            else if (kindText.Equals(nameof(DayKind.Workday), StringComparison.OrdinalIgnoreCase)) kind = DayKind.Workday;
            else throw DataCsv.Error(fileName, line, "kind", $"类型“{kindText}”未知，应为 Holiday（放假）或 Workday（调休上班）");
            if (kind == DayKind.Workday && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                throw DataCsv.Error(fileName, line, "kind", $"{dateText} 是{WeekdayNames[(int)date.DayOfWeek]}，本来就上班，不能标为调休上班 Workday");

            var name = csv.GetField("name") ?? "";
            if (name.Length == 0)
                throw DataCsv.Error(fileName, line, "name", $"{dateText} 的名称为空，应写节日名称，如“国庆节”");

            days.Add(new CalendarDay { Date = date, Kind = kind, Name = name });
        }
        return days;
    }
}
