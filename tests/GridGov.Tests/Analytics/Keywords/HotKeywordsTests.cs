using GridGov.Features.Analytics.Keywords;
using GridGov.Tests.Infrastructure;

namespace GridGov.Tests.Analytics.Keywords;

// 热点分析 of a hand-made month: 24 reports in one grid of 大影壁社区 in March 2025, where 占道经营,
// 噪音扰民, 垃圾满溢 and 井盖缺失 are what people complain about, on 中山东路 and 山东路, in the words
// every report uses (反映, 市民, 严重, 希望尽快处理 …). Nothing else in the city lies in that month or
// the year before it, so the weights are known: df × ln(24 / df).
[Collection(NanjingCollection.Name)]
public sealed class HotKeywordsTests(GridGovApp app)
{
    const long Community = 320102002005, Street = 320102002, District = 320102, City = 3201;
    static readonly DateOnly From = new(2025, 3, 1), To = new(2025, 3, 31);
    readonly KeywordKit kit = new(app);

    static readonly string[] Texts =
    [
        "中山东路12号门口流动摊贩占道经营，严重影响通行，希望尽快处理。",
        "市民反映山东路菜场外占道经营，早上堵得走不动。",
        "太平北路路口有人占道经营卖水果。",
        "居民投诉中山东路88号小吃店占道经营，油烟很大。",
        "山东路上夜市摊位占道经营，地上全是竹签。",
        "网格员巡查发现人行道被占道经营的摊贩堵住。",
        "反映公交站旁占道经营，行人只能走机动车道。",
        "某超市门前堆放货物占道经营。",
        "市民反映地铁口附近多名摊贩占道经营。",
        "中山东路一家KTV夜间噪音扰民，严重影响休息。",
        "居民反映工地凌晨施工噪音扰民。",
        "酒吧音响声音太大，噪音扰民。",
        "市民投诉楼上装修噪音扰民，周末也不停。",
        "广场舞音箱噪音扰民，希望相关部门管理。",
        "健身房晚上噪音扰民。",
        "山东路菜场凌晨卸货噪音扰民。",
        "中山东路小区垃圾满溢，臭味很大，无人清运。",
        "公厕旁垃圾满溢，希望尽快清理。",
        "12号楼垃圾满溢已经两天。",
        "居民反映垃圾满溢，苍蝇很多。",
        "市民反映菜市场垃圾满溢。",
        "人行道井盖缺失，晚上很危险。",
        "山东路口井盖缺失，已有车辆掉进去。",
        "中山东路与山东路交叉口井盖缺失。",
    ];

    // Parts of the roads' names, the words of every report, numbers and Latin: none is a keyword.
    static readonly string[] Never =
    [
        "山东", "中山", "东路", "中山东路", "山东路", "太平", "北路", "反映", "市民", "居民", "投诉", "严重", "影响", "希望", "尽快",
        "处理", "附近", "晚上", "凌晨", "已经", "很多", "路口", "KTV", "12", "12号", "88号", "两天",
    ];

    static readonly (string Word, int Count)[] Expected = [("占道经营", 9), ("噪音扰民", 7), ("垃圾满溢", 5), ("井盖缺失", 3)];

    [Fact]
    public async Task The_most_telling_words_lead_and_no_road_fragment_or_stop_word_is_a_keyword()
    {
        var grid = await kit.GridOfAsync(Community);
        await kit.AddAsync(grid, KeywordKit.DaysOf(2025, 3, 3, 9, 15, 22, 28), Texts);
        await kit.IndexAsync();

        // The community is counted from its tickets' words, the street, district and city from the
        // day sums: the same answer, whoever may see the unit.
        var answers = new[]
        {
            await kit.HotAsync("street", Community, From, To), await kit.HotAsync("street", Street, From, To),
            await kit.HotAsync("district", District, From, To), await kit.HotAsync("admin", City, From, To),
        };
        foreach (var hot in answers)
        {
            Assert.Equal(24, hot.Tickets);
            Assert.Equal(24, hot.ReferenceTickets);
            Assert.Equal(Expected.Select(e => e.Word), hot.Keywords.Take(4).Select(k => k.Word));
            foreach (var (word, count) in Expected)
            {
                var k = hot.Keywords.Single(x => x.Word == word);
                Assert.Equal(count, k.Count);
                Assert.Equal(Math.Round(count * Math.Log(24.0 / count), 3), k.Weight);
            }
            // Everything else is in two reports at most, so it weighs less than 井盖缺失.
            Assert.All(hot.Keywords.Skip(4), k => Assert.True(k.Count <= 2 && k.Weight < hot.Keywords[3].Weight, $"{k.Word} {k.Count} {k.Weight}"));
            Assert.Equal(20, hot.Keywords.Count);
            Assert.Empty(hot.Keywords.Select(k => k.Word).Intersect(Never));
            Assert.Contains(hot.Keywords, k => k.Word is "菜场" or "人行道" or "摊贩");
        }
        Assert.Equal(answers[0].Keywords, answers[3].Keywords);
    }

    [Fact]
    public void Each_text_keeps_its_governance_term_whole_and_loses_its_places()
    {
        var x = new KeywordExtractor(new PlaceNames(["梅园新村社区居委会", "大影壁社区居委会", "梅园新村街道"]));
        Assert.Equal(["交叉口", "井盖缺失"], x.Keywords("中山东路与山东路交叉口井盖缺失。"));
        Assert.Equal(["夜市", "摊位", "占道经营", "竹签"], x.Keywords("山东路上夜市摊位占道经营，地上全是竹签。"));
        Assert.Equal(["违章搭建", "彩钢棚"], x.Keywords("新街口大道旁违章搭建彩钢棚。"));
        Assert.Equal(["乱扔垃圾"], x.Keywords("在龙蟠中路附近有人乱扔垃圾。"));
        // Names from the database, with and without their 街道/社区居委会, go whole.
        Assert.Equal(["垃圾满溢", "清运"], x.Keywords("梅园新村街道长江路小区垃圾满溢，无人清运。"));
        Assert.Equal(["群租房", "私拉电线", "路由器", "发烫"], x.Keywords("大影壁3号楼群租房私拉电线，WiFi路由器发烫"));
        Assert.Empty(x.Keywords("12号 3栋 2单元 ABC 的了吗 一 二 三"));
    }
}
