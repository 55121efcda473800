using GridGov.Features.Tickets.Categories;

namespace GridGov.Tests.Tickets;

public class CategoryFileTests
{
    static readonly string Dir = Path.Combine(AppContext.BaseDirectory, "data", "tickets");

    const string Header = "code,parent,name,kind,accept,dispatch,handle,verify,urgent,radius_m,department\n";
    const string Major = "E05,,街面秩序,Event,,,,,false,,\n";

    [Fact]
    public void Read_ShippedFile_HasThreeKindsAndCompleteMinors()
    {
        var rows = CategoryFile.Read(Path.Combine(Dir, "categories.csv"));

        Assert.Equal(rows.Count, rows.Select(r => r.Code).Distinct().Count());
        foreach (var kind in Enum.GetValues<CategoryKind>())
        {
            Assert.True(rows.Count(r => r.Kind == kind && !r.IsMinor) >= 6, $"{kind}: fewer than 6 majors");
            Assert.True(rows.Count(r => r.Kind == kind && r.IsMinor) >= 30, $"{kind}: fewer than 30 minors");
        }
        var majors = rows.Where(r => !r.IsMinor).ToList();
        Assert.All(majors, m => Assert.True(m.Accept is null && m.Dispatch is null && m.Handle is null && m.Verify is null, m.Code));
        Assert.All(rows.Where(r => r.IsMinor), m =>
        {
            Assert.True(m.Accept is not null && m.Dispatch is not null && m.Handle is not null && m.Verify is not null, m.Code);
            Assert.NotNull(m.Department);
            Assert.Contains(m.Department, CategoryFile.DepartmentKinds);
            Assert.True(m.RadiusMeters > 0, m.Code);
            Assert.Contains(majors, p => p.Code == m.Parent && p.Kind == m.Kind);
        });
        Assert.Equal(CategoryFile.DepartmentKinds.Order(), rows.Where(r => r.IsMinor).Select(r => r.Department!).Distinct().Order());

        var manhole = rows.Single(r => r.Code == "C0101");
        Assert.Equal(("上水井盖", "C01", true), (manhole.Name, manhole.Parent, manhole.Urgent));
        var parking = rows.Single(r => r.Code == "E0505");
        Assert.Equal(("机动车乱停放", "E05", CategoryKind.Event), (parking.Name, parking.Parent, parking.Kind));
        Assert.Equal(new Limit(2, LimitUnit.Hours), rows.Single(r => r.Code == "E0403").Handle);
        Assert.Equal("司法", rows.Single(r => r.Code == "G0101").Department);
    }

    [Fact]
    public void Read_ShippedPhrases_AtLeastThreePerMinor()
    {
        var minors = CategoryFile.Read(Path.Combine(Dir, "categories.csv")).Where(r => r.IsMinor).Select(r => r.Code).ToHashSet();
        var phrases = DemoPhrases.Read(Path.Combine(Dir, "demo-phrases.csv"));

        Assert.All(minors, code => Assert.True(phrases[code].Count() >= 3, $"{code} has {phrases[code].Count()} phrases"));
        Assert.All(phrases, g => Assert.Contains(g.Key, minors));
        var all = phrases.SelectMany(g => g).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.All(all, t => Assert.InRange(DemoPhrases.Fill(t, "汉中路128号").Length, 15, 60));
        Assert.All(all, t => Assert.DoesNotContain("{", DemoPhrases.Fill(t, "XX社区3栋")));
    }

    [Theory]
    [InlineData("2h", 2, LimitUnit.Hours, "2 工作小时")]
    [InlineData("0.5h", 0.5, LimitUnit.Hours, "0.5 工作小时")]
    [InlineData("1.5d", 1.5, LimitUnit.Days, "1.5 工作日")]
    [InlineData("3d", 3, LimitUnit.Days, "3 工作日")]
    [InlineData("10d", 10, LimitUnit.Days, "10 工作日")]
    public void Limit_Parse_RoundTrips(string text, double amount, LimitUnit unit, string display)
    {
        var limit = Limit.Parse(text);

        Assert.Equal(new Limit(amount, unit), limit);
        Assert.Equal(text, limit.ToString());
        Assert.Equal(display, limit.Text);
        Assert.Equal(limit, Limit.Parse(limit.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("h")]
    [InlineData("2")]
    [InlineData("2x")]
    [InlineData("-1h")]
    [InlineData("0d")]
    [InlineData("1,5d")]
    [InlineData("1e3h")]
    public void Limit_Parse_RejectsBadText(string text)
    {
        var e = Assert.Throws<FormatException>(() => Limit.Parse(text));

        Assert.Contains("时限", e.Message);
        Assert.False(Limit.TryParse(text, out _));
    }

    [Theory]
    // bad code format
    [InlineData(Header + Major + "E055,E05,机动车乱停放,Event,1h,1h,4h,4h,false,100,公安\n", "第 3 行 code 列", "E055")]
    [InlineData(Header + "X05,,街面秩序,Event,,,,,false,,\n", "第 2 行 code 列", "格式不对")]
    [InlineData(Header + Major + "E0500,E05,机动车乱停放,Event,1h,1h,4h,4h,false,100,公安\n", "第 3 行 code 列", "E0500")]
    // parent missing, wrong, or not declared before
    [InlineData(Header + Major + "E0505,,机动车乱停放,Event,1h,1h,4h,4h,false,100,公安\n", "第 3 行 parent 列", "缺少上级")]
    [InlineData(Header + Major + "E0505,E01,机动车乱停放,Event,1h,1h,4h,4h,false,100,公安\n", "第 3 行 parent 列", "应为 E05")]
    [InlineData(Header + "E0505,E05,机动车乱停放,Event,1h,1h,4h,4h,false,100,公安\n" + Major, "第 2 行 parent 列", "未在前面声明")]
    [InlineData(Header + "E05,E01,街面秩序,Event,,,,,false,,\n", "第 2 行 parent 列", "大类")]
    // duplicate code
    [InlineData(Header + Major + "E0505,E05,机动车乱停放,Event,1h,1h,4h,4h,false,100,公安\n\nE0505,E05,乱停车,Event,1h,1h,4h,4h,false,100,公安\n", "第 5 行 code 列", "第 3 行已有“机动车乱停放”")]
    // minor row without limits; major row with limits
    [InlineData(Header + Major + "E0505,E05,机动车乱停放,Event,1h,1h,,4h,false,100,公安\n", "第 3 行 handle 列", "缺少处置时限")]
    [InlineData(Header + Major + "E0505,E05,机动车乱停放,Event,,,,,false,100,公安\n", "第 3 行 accept 列", "缺少受理时限")]
    [InlineData(Header + "E05,,街面秩序,Event,1h,,,,false,,\n", "第 2 行 accept 列", "不设时限")]
    // bad limit
    [InlineData(Header + Major + "E0505,E05,机动车乱停放,Event,1h,1h,4x,4h,false,100,公安\n", "第 3 行 handle 列", "4x")]
    [InlineData(Header + Major + "E0505,E05,机动车乱停放,Event,1h,0h,4h,4h,false,100,公安\n", "第 3 行 dispatch 列", "0h")]
    [InlineData(Header + Major + "E0505,E05,机动车乱停放,Event,1h,1h,4h,一天,false,100,公安\n", "第 3 行 verify 列", "一天")]
    // unknown kind, or a kind that does not fit the code
    [InlineData(Header + "E05,,街面秩序,Incident,,,,,false,,\n", "第 2 行 kind 列", "Incident")]
    [InlineData(Header + "E05,,街面秩序,event,,,,,false,,\n", "第 2 行 kind 列", "未知")]
    [InlineData(Header + "E05,,街面秩序,Component,,,,,false,,\n", "第 2 行 kind 列", "应为 Event")]
    // unknown department kind
    [InlineData(Header + Major + "E0505,E05,机动车乱停放,Event,1h,1h,4h,4h,false,100,交警\n", "第 3 行 department 列", "交警")]
    [InlineData(Header + Major + "E0505,E05,机动车乱停放,Event,1h,1h,4h,4h,false,100,\n", "第 3 行 department 列", "缺少默认责任部门")]
    // radius not a positive integer
    [InlineData(Header + Major + "E0505,E05,机动车乱停放,Event,1h,1h,4h,4h,false,0,公安\n", "第 3 行 radius_m 列", "正整数")]
    [InlineData(Header + Major + "E0505,E05,机动车乱停放,Event,1h,1h,4h,4h,false,-50,公安\n", "第 3 行 radius_m 列", "-50")]
    [InlineData(Header + Major + "E0505,E05,机动车乱停放,Event,1h,1h,4h,4h,false,1.5,公安\n", "第 3 行 radius_m 列", "1.5")]
    [InlineData(Header + Major + "E0505,E05,机动车乱停放,Event,1h,1h,4h,4h,false,,公安\n", "第 3 行 radius_m 列", "正整数")]
    // other errors
    [InlineData(Header + Major + "E0505,E05,机动车乱停放,Event,1h,1h,4h,4h,maybe,100,公安\n", "第 3 行 urgent 列", "maybe")]
    [InlineData(Header + Major + "E0505,E05,,Event,1h,1h,4h,4h,false,100,公安\n", "第 3 行 name 列", "名称为空")]
    [InlineData(Header + Major + "E0505,E05,机动车乱停放,Event,1h,1h,4h,4h,false,100\n", "第 3 行", "有 10 列")]
    [InlineData("code,parent,name,kind\nE05,,街面秩序,Event\n", "第 1 行", "缺少列 accept")]
    [InlineData("", "第 1 行", "缺少表头")]
    public void Read_BadFile_NamesFileLineAndField(string text, string where, string why)
    {
        var e = Assert.Throws<FormatException>(() => CategoryFile.Read(new StringReader(text), "bad.csv"));

        Assert.StartsWith("bad.csv ", e.Message);
        Assert.Contains(where, e.Message);
        Assert.Contains(why, e.Message);
    }

    [Fact]
    public void Read_GoodFile_ParsesEveryColumn()
    {
        var rows = CategoryFile.Read(new StringReader(Header + Major + "E0505,E05,机动车乱停放,Event,1h,0.5h,4h,1d,TRUE,100,公安\n"), "good.csv");

        Assert.Equal(new CategoryRow("E05", null, "街面秩序", CategoryKind.Event, null, null, null, null, false, 0, null), rows[0]);
        Assert.Equal(new CategoryRow("E0505", "E05", "机动车乱停放", CategoryKind.Event, new Limit(1, LimitUnit.Hours), new Limit(0.5, LimitUnit.Hours),
            new Limit(4, LimitUnit.Hours), new Limit(1, LimitUnit.Days), true, 100, "公安"), rows[1]);
    }

    [Theory]
    [InlineData("category,text\nE0505,\n", "第 2 行 text 列")]
    [InlineData("category,text\nE0505,{place}门口机动车乱停放\n,没有类别的描述文字\n", "第 3 行 category 列")]
    [InlineData("category\nE0505\n", "缺少列 text")]
    public void ReadPhrases_BadFile_NamesLine(string text, string where)
    {
        var e = Assert.Throws<FormatException>(() => DemoPhrases.Read(new StringReader(text), "bad.csv"));

        Assert.StartsWith("bad.csv ", e.Message);
        Assert.Contains(where, e.Message);
    }
}
