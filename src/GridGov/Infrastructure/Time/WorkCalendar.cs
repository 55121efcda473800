namespace GridGov.Infrastructure.Time;

// Working time on China's official calendar (调休 included), for deadlines such as "3 个工作日内办结".
// Immutable after construction, so one instance can serve every request thread.
// Outside the years the special days cover, only the Monday–Friday rule applies.
public sealed class WorkCalendar
{
    readonly WorkingPeriod[] periods;
    readonly long perDayTicks;
    // Whether each day from firstDay on is a working day: one array read per day in the hot loops.
    readonly bool[] working;
    readonly int firstDay;

    public WorkCalendar(IEnumerable<CalendarDay> specialDays, WorkingHours hours)
    {
        ArgumentNullException.ThrowIfNull(specialDays);
        ArgumentNullException.ThrowIfNull(hours);
        periods = hours.Array;
        perDayTicks = hours.PerDay.Ticks;
        WorkingHours = hours;

        var byDay = new Dictionary<int, CalendarDay>();
        foreach (var day in specialDays)
            if (!byDay.TryAdd(day.Date.DayNumber, day))
                throw new ArgumentException($"日历中日期 {day.Date:yyyy-MM-dd} 重复（“{byDay[day.Date.DayNumber].Name}”与“{day.Name}”）", nameof(specialDays));

        if (byDay.Count == 0) { working = []; return; }
        firstDay = byDay.Keys.Min();
        working = new bool[byDay.Keys.Max() - firstDay + 1];
        for (var i = 0; i < working.Length; i++)
            working[i] = byDay.TryGetValue(firstDay + i, out var special) ? special.Kind == DayKind.Workday : IsWeekday(firstDay + i);
    }

    public WorkingHours WorkingHours { get; }

    public bool IsWorkingDay(DateOnly chinaDate) => IsWorking(chinaDate.DayNumber);

    public DateTime AddWorkingHours(DateTime startUtc, double hours) => AddWorkingTime(startUtc, TimeSpan.FromHours(hours));

    // One working day is a full day's working time, so a day from Friday 10:00 ends on the next working day at 10:00.
    public DateTime AddWorkingDays(DateTime startUtc, double days) => AddWorkingTime(startUtc, WorkingHours.PerDay * days);

    // The moment when `working` of working time has passed since startUtc. A deadline that uses up a
    // period exactly ends at that period's end, not at the start of the next one.
    public DateTime AddWorkingTime(DateTime startUtc, TimeSpan working)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(working, TimeSpan.Zero);
        if (working == TimeSpan.Zero) return startUtc;

        var local = ChinaTime.FromUtc(startUtc);
        var day = DateOnly.FromDateTime(local).DayNumber;
        var timeOfDay = local.TimeOfDay.Ticks;
        var left = working.Ticks;
        while (true)
        {
            if (IsWorking(day))
            {
                if (timeOfDay == 0 && left > perDayTicks)
                    left -= perDayTicks;
                else
                    foreach (var p in periods)
                    {
                        if (p.End.Ticks <= timeOfDay) continue;
                        var from = Math.Max(p.Start.Ticks, timeOfDay);
                        var available = p.End.Ticks - from;
                        if (left <= available) return ToUtc(day, from + left);
                        left -= available;
                    }
            }
            day++;
            timeOfDay = 0;
        }
    }

    // Working time in [fromUtc, toUtc]; negative when toUtc is earlier. Inverse of AddWorkingTime.
    public TimeSpan WorkingTimeBetween(DateTime fromUtc, DateTime toUtc)
    {
        if (toUtc < fromUtc) return -WorkingTimeBetween(toUtc, fromUtc);
        var from = ChinaTime.FromUtc(fromUtc);
        var to = ChinaTime.FromUtc(toUtc);
        var fromDay = DateOnly.FromDateTime(from).DayNumber;
        var toDay = DateOnly.FromDateTime(to).DayNumber;
        if (fromDay == toDay)
            return TimeSpan.FromTicks(IsWorking(fromDay) ? WithinDay(from.TimeOfDay.Ticks, to.TimeOfDay.Ticks) : 0);

        var total = IsWorking(fromDay) ? WithinDay(from.TimeOfDay.Ticks, TimeSpan.TicksPerDay) : 0;
        for (var day = fromDay + 1; day < toDay; day++)
            if (IsWorking(day)) total += perDayTicks;
        if (IsWorking(toDay)) total += WithinDay(0, to.TimeOfDay.Ticks);
        return TimeSpan.FromTicks(total);
    }

    long WithinDay(long from, long to)
    {
        long sum = 0;
        foreach (var p in periods)
            sum += Math.Max(0, Math.Min(p.End.Ticks, to) - Math.Max(p.Start.Ticks, from));
        return sum;
    }

    bool IsWorking(int dayNumber)
    {
        var i = dayNumber - firstDay;
        return (uint)i < (uint)working.Length ? working[i] : IsWeekday(dayNumber);
    }

    // DayNumber 0 (0001-01-01) was a Monday.
    static bool IsWeekday(int dayNumber) => dayNumber % 7 < 5;

    static DateTime ToUtc(int dayNumber, long timeOfDayTicks) =>
        ChinaTime.ToUtc(DateOnly.FromDayNumber(dayNumber).ToDateTime(TimeOnly.MinValue).AddTicks(timeOfDayTicks));
}
