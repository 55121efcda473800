using System.Collections.Frozen;

namespace GridGov.Infrastructure.Text;

// Word lists for ticket text. They live in code, not in a data file, so that they are reviewed
// with the code that depends on them and cannot go missing from an output folder.
static class ChineseLexicon
{
    // jieba's general dictionary splits these (占/道, 共享/单车, 广场/舞) or knows them only with a
    // tiny frequency, so in a sentence they lose to their parts; as user words they stay whole.
    public static readonly string[] GovernanceTerms =
    [
        "井盖", "窨井盖", "占道", "占道经营", "流动摊贩", "共享单车", "违章搭建", "违建", "飞线",
        "飞线充电", "私拉电线", "电动车", "电瓶车", "路灯", "广场舞", "噪音扰民", "油烟扰民", "乱停乱放",
        "乱堆乱放", "乱扔垃圾", "垃圾分类", "垃圾清运", "高空抛物", "楼道堆物", "消防通道", "僵尸车",
        "渣土车", "扬尘", "群租房", "小广告", "牛皮癣", "毁绿种菜", "黑臭水体", "空调外机", "防盗窗",
    ];

    // Entries of jieba's dictionary that swallow a governance word in real sentences
    // (路灯不亮 was cut 路 / 灯不亮).
    public static readonly string[] NotWords = ["灯不亮"];

    // Words that appear in almost every report whatever it is about; matching on them would make
    // unrelated tickets look alike and would drown the department signal.
    public static readonly FrozenSet<string> StopWords = FrozenSet.Create(StringComparer.Ordinal,
    [
        // function words and pronouns
        "的", "了", "在", "有", "和", "是", "我", "我们", "你", "你们", "他", "他们", "她", "它", "这", "那",
        "这个", "那个", "这里", "那里", "这边", "那边", "等", "及", "与", "或", "也", "都", "就", "还", "又",
        "被", "把", "让", "给", "对", "从", "到", "向", "为", "因为", "所以", "但是", "而且", "并且", "如果",
        "不", "没", "没有", "着", "过", "吗", "呢", "吧", "啊", "呀", "嘛", "哦", "啦", "能", "会", "要", "想",
        "内", "后", "前", "上", "下", "里", "中", "一个", "一些", "有些", "一下", "不了", "人", "好", "太",
        // degree and time words every complaint uses
        "很", "非常", "十分", "特别", "比较", "严重", "很大", "很多", "许多", "已经", "现在", "目前", "一直",
        "经常", "每天", "多次", "几天", "好几天", "很久", "好久",
        // the complaint's frame rather than its subject
        "请", "情况", "问题", "反映", "希望", "尽快", "相关", "部门", "处理", "解决", "市民", "居民", "群众",
        "投诉", "导致", "存在", "出现", "发现", "进行", "造成", "影响", "有人", "没人",
        // place words left over when jieba splits an address (人民/路); the map already says where
        "附近", "周边", "旁边", "路", "街",
    ]);

    // What follows a number in an address or a measure ("12号", "3栋", "十点"); with the number it
    // names a place or an amount, not the problem, and two reports of one manhole differ on it.
    public static readonly FrozenSet<string> Units = FrozenSet.Create(StringComparer.Ordinal,
    [
        "号", "号楼", "号院", "栋", "幢", "楼", "层", "室", "单元", "弄", "巷", "排", "户", "组", "期",
        "米", "公里", "元", "块", "点", "点钟", "点多", "时", "分", "分钟", "天", "次", "个", "辆", "人",
        "年", "月", "日", "周", "岁", "多", "余",
    ]);

    // Chinese numerals count as digits only where a whole token is made of them or they lead a unit.
    public static bool IsNumeral(char c) => char.IsDigit(c) || "零〇一二三四五六七八九十百千万两".Contains(c);
}
