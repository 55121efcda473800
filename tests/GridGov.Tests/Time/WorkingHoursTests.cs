using GridGov.Infrastructure.Time;

namespace GridGov.Tests.Time;

public class WorkingHoursTests
{
    [Fact]
    public void Default_IsSevenAndAHalfHours()
    {
        Assert.Equal(TimeSpan.FromHours(7.5), WorkingHours.Default.PerDay);
        Assert.Equal("08:30-12:00,13:30-17:30", WorkingHours.Default.ToString());
    }

    [Fact]
    public void Parse_AcceptsSpacesAndFullWidthComma()
    {
        var hours = WorkingHours.Parse(" 9:00 - 12:00， 14:00-24:00 ");
        Assert.Equal("09:00-12:00,14:00-24:00", hours.ToString());
        Assert.Equal(TimeSpan.FromHours(13), hours.PerDay);
    }

    [Theory]
    [InlineData("", "为空")]
    [InlineData("08:30", "格式错误")]
    [InlineData("08:30-12:00-13:00", "格式错误")]
    [InlineData("8.30-12:00", "“8.30”无效")]
    [InlineData("08:30-24:30", "“24:30”无效")]
    [InlineData("08:60-12:00", "“08:60”无效")]
    [InlineData("12:00-08:30", "不早于结束时间")]
    [InlineData("12:00-12:00", "不早于结束时间")]
    [InlineData("13:30-17:30,08:30-12:00", "先后")]
    [InlineData("08:30-12:00,11:30-17:30", "重叠")]
    public void Parse_BadText_ThrowsWithReason(string text, string why)
    {
        var e = Assert.Throws<FormatException>(() => WorkingHours.Parse(text));
        Assert.Contains(why, e.Message);
    }
}
