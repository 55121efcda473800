using System.Globalization;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Time;

namespace GridGov.Tests.Time;

public class WorkCalendarTests
{
    // The shipped file, so the tests also prove the real 2025–2026 arrangement loads and behaves.
    static readonly Lazy<IReadOnlyList<CalendarDay>> Days = new(() =>
        CalendarFile.Read(Path.Combine(AppContext.BaseDirectory, "data", "calendar", "cn-holidays.csv")));

    static WorkCalendar Calendar => new(Days.Value, WorkingHours.Default);

    // Times in the tests are written as a person in China reads them.
    static DateTime Cn(string local) => ChinaTime.ToUtc(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("2026-03-02 09:00", 2, "2026-03-02 11:00")] // within a morning
    [InlineData("2026-03-02 11:00", 2, "2026-03-02 14:30")] // across lunch
    [InlineData("2026-03-06 16:30", 2, "2026-03-09 09:30")] // Friday to Monday
    [InlineData("2026-09-30 16:30", 2, "2026-10-08 09:30")] // over the National Day holiday
    [InlineData("2026-10-09 17:00", 1, "2026-10-10 09:00")] // Saturday 10-10 is an adjusted working day
    [InlineData("2026-02-13 17:00", 1, "2026-02-14 09:00")] // Saturday 02-14 as well, before the Spring Festival
    [InlineData("2026-02-14 17:00", 1, "2026-02-24 09:00")] // nine days of Spring Festival off
    public void AddWorkingHours_CountsOnlyWorkingTime(string start, double hours, string expected) =>
        Assert.Equal(Cn(expected), Calendar.AddWorkingHours(Cn(start), hours));

    [Theory]
    [InlineData("2026-03-02 20:00", "2026-03-03 09:30")] // evening
    [InlineData("2026-03-03 07:00", "2026-03-03 09:30")] // early morning
    [InlineData("2026-03-03 12:30", "2026-03-03 14:30")] // lunch break
    [InlineData("2026-03-07 10:00", "2026-03-09 09:30")] // Saturday
    [InlineData("2026-10-02 10:00", "2026-10-08 09:30")] // holiday
    [InlineData("2026-10-05 10:00", "2026-10-08 09:30")] // a Monday that is a holiday
    public void AddWorkingHours_StartOutsideWorkingTime_CountsFromNextWorkingMoment(string start, string expected) =>
        Assert.Equal(Cn(expected), Calendar.AddWorkingHours(Cn(start), 1));

    [Theory]
    [InlineData("2026-03-02 08:30", 3.5, "2026-03-02 12:00")]
    [InlineData("2026-03-02 08:30", 7.5, "2026-03-02 17:30")]
    [InlineData("2026-03-06 13:30", 4, "2026-03-06 17:30")]
    [InlineData("2026-09-30 12:00", 4, "2026-09-30 17:30")] // starting at a period's end
    public void AddWorkingHours_EndingOnPeriodEnd_ReturnsThatEnd(string start, double hours, string expected) =>
        Assert.Equal(Cn(expected), Calendar.AddWorkingHours(Cn(start), hours));

    [Fact]
    public void AddWorkingTime_Zero_ReturnsStartUnchanged()
    {
        var saturday = Cn("2026-03-07 10:00");
        Assert.Equal(saturday, Calendar.AddWorkingTime(saturday, TimeSpan.Zero));
    }

    [Fact]
    public void AddWorkingTime_Negative_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingTime(Cn("2026-03-02 09:00"), TimeSpan.FromMinutes(-1)));

    [Fact]
    public void AddWorkingTime_ReturnsUtc() =>
        Assert.Equal(DateTimeKind.Utc, Calendar.AddWorkingHours(Cn("2026-03-02 09:00"), 1).Kind);

    [Theory]
    [InlineData("2026-03-06 10:00", 1, "2026-03-09 10:00")] // Friday to Monday
    [InlineData("2026-09-30 10:00", 3, "2026-10-10 10:00")] // 09-30, 10-08, 10-09, then the adjusted Saturday
    [InlineData("2026-04-30 15:00", 3, "2026-05-08 15:00")] // 05-06, 05-07, 05-08 after 劳动节
    [InlineData("2026-03-02 08:30", 0.5, "2026-03-02 13:45")] // 3.5 h before lunch, 0.25 h after
    [InlineData("2027-10-01 10:00", 1, "2027-10-04 10:00")] // beyond the data only weekends are off
    public void AddWorkingDays_OneDayIsOneDayOfWorkingTime(string start, double days, string expected) =>
        Assert.Equal(Cn(expected), Calendar.AddWorkingDays(Cn(start), days));

    [Theory]
    [InlineData("2026-10-10", true)]  // adjusted working Saturday
    [InlineData("2026-09-20", true)]  // adjusted working Sunday
    [InlineData("2026-10-11", false)]
    [InlineData("2026-10-03", false)] // holiday on a Saturday
    [InlineData("2026-10-05", false)] // holiday on a Monday
    [InlineData("2026-10-08", true)]
    [InlineData("2026-01-04", true)]
    [InlineData("2027-01-01", true)]  // no 2027 data yet: a plain Friday
    [InlineData("2024-12-28", false)] // before the data: a plain Saturday
    public void IsWorkingDay_FollowsTheOfficialArrangement(string date, bool expected) =>
        Assert.Equal(expected, Calendar.IsWorkingDay(DateOnly.Parse(date, CultureInfo.InvariantCulture)));

    [Fact]
    public void IsWorkingDay_WithoutData_IsMondayToFriday()
    {
        var calendar = new WorkCalendar([], WorkingHours.Default);
        for (var d = new DateOnly(2030, 1, 1); d.Year == 2030; d = d.AddDays(1))
            Assert.Equal(d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), calendar.IsWorkingDay(d));
    }

    [Theory]
    [InlineData("2026-03-06 16:00", "2026-03-09 09:30", 2.5)]
    [InlineData("2026-03-02 11:00", "2026-03-02 14:00", 1.5)]
    [InlineData("2026-03-07 09:00", "2026-03-08 18:00", 0)]
    [InlineData("2026-09-30 08:00", "2026-10-10 23:00", 7.5 * 4)]
    public void WorkingTimeBetween_CountsOnlyWorkingTime(string from, string to, double hours)
    {
        Assert.Equal(TimeSpan.FromHours(hours), Calendar.WorkingTimeBetween(Cn(from), Cn(to)));
        Assert.Equal(TimeSpan.FromHours(-hours), Calendar.WorkingTimeBetween(Cn(to), Cn(from)));
    }

    [Fact]
    public void WorkingTimeBetween_IsTheInverseOfAddWorkingTime()
    {
        var calendar = Calendar;
        var random = new Random(20261001);
        var first = Cn("2024-12-01 00:00");
        for (var i = 0; i < 5000; i++)
        {
            var start = first.AddTicks(random.NextInt64(TimeSpan.FromDays(800).Ticks));
            var amount = TimeSpan.FromTicks(random.NextInt64(TimeSpan.FromHours(7.5 * 15).Ticks));
            var end = calendar.AddWorkingTime(start, amount);
            Assert.Equal(amount, calendar.WorkingTimeBetween(start, end));
            Assert.Equal(-amount, calendar.WorkingTimeBetween(end, start));
        }
    }

    [Fact]
    public void AddWorkingTime_MatchesAMinuteByMinuteWalk()
    {
        var calendar = Calendar;
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            var startLocal = new DateTime(2025, 12, 20).AddMinutes(random.Next(60 * 24 * 400));
            var minutes = random.Next(0, 60 * 24);
            var expected = ChinaTime.ToUtc(WalkMinutes(calendar, startLocal, minutes));
            Assert.Equal(expected, calendar.AddWorkingTime(ChinaTime.ToUtc(startLocal), TimeSpan.FromMinutes(minutes)));
        }
    }

    static DateTime WalkMinutes(WorkCalendar calendar, DateTime local, int minutes)
    {
        for (; minutes > 0; local = local.AddMinutes(1))
        {
            var t = local.TimeOfDay;
            if (calendar.IsWorkingDay(DateOnly.FromDateTime(local))
                && calendar.WorkingHours.Periods.Any(p => p.Start <= t && t + TimeSpan.FromMinutes(1) <= p.End))
                minutes--;
        }
        return local;
    }

    [Fact]
    public void AddWorkingHours_RoundTheClockHours_SkipWholeWeekends()
    {
        var calendar = new WorkCalendar(Days.Value, WorkingHours.Parse("00:00-24:00"));
        Assert.Equal(Cn("2026-03-09 02:00"), calendar.AddWorkingHours(Cn("2026-03-06 22:00"), 4));
        Assert.Equal(Cn("2026-03-07 00:00"), calendar.AddWorkingHours(Cn("2026-03-06 22:00"), 2));
    }

    [Fact]
    public void Constructor_DuplicateDate_Throws()
    {
        var day = new CalendarDay { Date = new DateOnly(2026, 10, 1), Kind = DayKind.Holiday, Name = "国庆节" };
        Assert.Throws<ArgumentException>(() => new WorkCalendar([day, day], WorkingHours.Default));
    }
}
