using System.Collections.Frozen;
using GridGov.Infrastructure.Text;

namespace GridGov.Features.Analytics.Keywords;

// The places a ticket's text names, so that neither they nor their parts become keywords (山东 out of
// 中山东路, 梅园 out of 梅园新村). Two ways: names known to the database (the org units and the roads
// and compounds of the standard addresses, each also without its 街道/社区/居委会 ending) are found
// whole before the text is cut; a road the database does not know is recognised in jieba's words by
// its ending (X路, X街, X大道, X巷 …: one word, or a name followed by the ending).
public sealed class PlaceNames
{
    // Endings that make a word a road's name: 长江路, 丹凤街, 文昌巷, 玄武大道.
    static readonly string[] RoadEndings = ["路", "街", "巷", "弄", "大道", "大街", "胡同"];

    // Words that end like a road but name none.
    static readonly FrozenSet<string> NotRoads = FrozenSet.Create(StringComparer.Ordinal,
        ["高速公路", "高架路", "柏油路", "水泥路", "石子路", "十字路", "大街小巷", "羊肠小路", "林荫路", "步行街", "商业街"]);

    // A word that ends a place whose name jieba cut off as the word before (北京/东路, 幸福/小区).
    // The road endings are dropped with the name; the kinds of place stay words of their own.
    static readonly FrozenSet<string> RoadWords = FrozenSet.Create(StringComparer.Ordinal,
        ["路", "街", "巷", "弄", "大道", "大街", "胡同", "东路", "西路", "南路", "北路", "中路",
         "东街", "西街", "南街", "北街", "中街", "大桥", "桥"]);

    // Where on a road (山东/路上, 丹凤/街口): the word before is cut off a road's name only when it is a
    // name itself — a proper noun in jieba's dictionary, or no word of it at all — not in 积水/路面.
    static readonly FrozenSet<string> RoadSpots = FrozenSet.Create(StringComparer.Ordinal,
        ["路上", "路边", "路旁", "路口", "路段", "路面", "路东", "路西", "路南", "路北", "街上", "街边", "街口", "街头", "巷口", "巷子", "巷内"]);

    // jieba's dictionary tags: place, person, organisation and other proper names.
    static readonly string[] ProperTags = ["ns", "nr", "nrt", "nrfg", "nt", "nz"];
    static readonly Lazy<FrozenSet<string>> ProperNouns = new(LoadProperNouns, LazyThreadSafetyMode.ExecutionAndPublication);

    static readonly FrozenSet<string> PlaceKinds = FrozenSet.Create(StringComparer.Ordinal,
        ["小区", "花园", "新村", "公寓", "大厦", "广场", "公园", "商场", "社区", "街道", "家园", "新城", "山庄"]);

    // What an org unit's name ends with, beside the name people use (梅园新村社区居委会 → 梅园新村).
    static readonly string[] UnitEndings = ["社区居民委员会", "社区居委会", "居民委员会", "村民委员会", "居委会", "村委会",
        "街道办事处", "街道", "社区", "镇", "乡", "区", "县", "市"];

    public static readonly PlaceNames None = new([]);

    public FrozenSet<string> Names { get; }

    public PlaceNames(IEnumerable<string> names)
    {
        var all = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in names)
        {
            var name = raw.Trim();
            if (name.Length < 2) continue;
            all.Add(name);
            foreach (var ending in UnitEndings)
                if (name.EndsWith(ending, StringComparison.Ordinal) && name.Length - ending.Length >= 2)
                {
                    all.Add(name[..^ending.Length]);
                    break;
                }
        }
        Names = all.ToFrozenSet(StringComparer.Ordinal);
    }

    // One jieba word that is a whole road's name: 中山东路, 长江路.
    public static bool IsRoadName(string word) =>
        word.Length >= 3 && !NotRoads.Contains(word) && RoadEndings.Any(e => word.EndsWith(e, StringComparison.Ordinal));

    public static bool IsRoadWord(string word) => RoadWords.Contains(word);

    public static bool IsPlaceKind(string word) => PlaceKinds.Contains(word);

    public static bool IsRoadSpot(string word) => RoadSpots.Contains(word);

    public static bool IsProperName(string word) => ProperNouns.Value.Contains(word) || !ChineseSegmenter.Knows(word);

    static FrozenSet<string> LoadProperNouns()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(ChineseSegmenter.DictionaryDirectory, "dict.txt")))
        {
            var parts = line.TrimEnd('\r').Split(' ');
            if (parts.Length == 3 && ProperTags.Contains(parts[2])) words.Add(parts[0]);
        }
        return words.ToFrozenSet(StringComparer.Ordinal);
    }

    // 中山/东/路: a direction standing between a name and its road ending.
    public static bool IsDirection(string word) => word is "东" or "西" or "南" or "北" or "中";
}
