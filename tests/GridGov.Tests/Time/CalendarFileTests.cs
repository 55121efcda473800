using GridGov.Infrastructure.Time;

namespace GridGov.Tests.Time;

public class CalendarFileTests
{
    [Fact]
    public void Read_ShippedFile_HasBothYears()
    {
        var days = CalendarFile.Read(Path.Combine(AppContext.BaseDirectory, "data", "calendar", "cn-holidays.csv"));

        Assert.Contains(days, d => d.Date == new DateOnly(2025, 1, 28) && d.Kind == DayKind.Holiday && d.Name == "春节");
        Assert.Contains(days, d => d.Date == new DateOnly(2026, 10, 10) && d.Kind == DayKind.Workday);
        Assert.Equal(7, days.Count(d => d.Date.Year == 2026 && d.Name == "国庆节"));
        Assert.All(days.Where(d => d.Kind == DayKind.Workday), d => Assert.True(d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday));
    }

    [Theory]
    [InlineData("date,kind,name\n2026-10-01,Holiday,国庆节\n2026-13-01,Holiday,国庆节\n", "第 3 行 date 列", "2026-13-01")]
    [InlineData("date,kind,name\n2026-10-01,Holiday,国庆节\n2026-10-01,Holiday,国庆节\n", "第 3 行 date 列", "第 2 行已有")]
    [InlineData("date,kind,name\n2026-10-01,Vacation,国庆节\n", "第 2 行 kind 列", "Vacation")]
    [InlineData("date,kind,name\n2026-10-01,Holiday,国庆节\n\n2026-10-08,Workday,调休\n", "第 4 行 kind 列", "星期四")]
    [InlineData("date,kind,name\n2026-10-01,Holiday,\n", "第 2 行 name 列", "名称为空")]
    [InlineData("date,name\n2026-10-01,国庆节\n", "第 1 行", "缺少列 kind")]
    [InlineData("", "第 1 行", "缺少表头")]
    public void Read_BadFile_NamesFileLineAndField(string text, string where, string why)
    {
        var e = Assert.Throws<FormatException>(() => CalendarFile.Read(new StringReader(text), "bad.csv"));

        Assert.StartsWith("bad.csv ", e.Message);
        Assert.Contains(where, e.Message);
        Assert.Contains(why, e.Message);
    }
}
