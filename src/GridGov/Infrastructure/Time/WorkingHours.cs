using System.Globalization;

namespace GridGov.Infrastructure.Time;

// A span of a day in China local time; End may be 24:00.
public readonly record struct WorkingPeriod(TimeSpan Start, TimeSpan End)
{
    public TimeSpan Length => End - Start;

    public override string ToString() => $"{Format(Start)}-{Format(End)}";

    static string Format(TimeSpan t) =>
        $"{(int)t.TotalHours:00}:{t.Minutes:00}";
}

// The daily working periods, ordered and disjoint, so the calendar can walk them without sorting.
public sealed class WorkingHours
{
    public static WorkingHours Default { get; } = Parse("08:30-12:00,13:30-17:30");

    readonly WorkingPeriod[] periods;

    WorkingHours(WorkingPeriod[] periods)
    {
        this.periods = periods;
        PerDay = TimeSpan.FromTicks(periods.Sum(p => p.Length.Ticks));
    }

    public IReadOnlyList<WorkingPeriod> Periods => periods;

    public TimeSpan PerDay { get; }

    // Exposed as an array so the calendar's hot loops index it without interface calls.
    internal WorkingPeriod[] Array => periods;

    public override string ToString() => string.Join(",", periods);

    // Text such as "08:30-12:00,13:30-17:30"; a full-width comma is accepted because people type it.
    public static WorkingHours Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split([',', '，'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
            throw new FormatException("工作时段为空：应写成“08:30-12:00,13:30-17:30”这样的格式");

        var list = new List<WorkingPeriod>(parts.Length);
        foreach (var part in parts)
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length != 2)
                throw new FormatException($"工作时段“{part}”格式错误：应写成“开始-结束”，如“08:30-12:00”");
            var period = new WorkingPeriod(ParseTime(part, ends[0]), ParseTime(part, ends[1]));
            if (period.Start >= period.End)
                throw new FormatException($"工作时段“{part}”的开始时间不早于结束时间");
            if (list.Count > 0)
            {
                var previous = list[^1];
                if (period.Start < previous.Start)
                    throw new FormatException($"工作时段“{part}”排在“{previous}”之后却更早：时段应按时间先后排列");
                if (period.Start < previous.End)
                    throw new FormatException($"工作时段“{part}”与“{previous}”重叠");
            }
            list.Add(period);
        }
        return new WorkingHours([.. list]);
    }

    static TimeSpan ParseTime(string part, string text)
    {
        var hm = text.Split(':');
        if (hm.Length == 2 && hm[0].Length is 1 or 2 && hm[1].Length == 2
            && int.TryParse(hm[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            && int.TryParse(hm[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && m < 60 && (h < 24 || h == 24 && m == 0))
            return new TimeSpan(h, m, 0);
        throw new FormatException($"工作时段“{part}”中的时间“{text}”无效：应为 00:00 至 24:00 之间的“时:分”");
    }
}
