namespace GridGov.Features.Registry.Demo;

// Word lists for generated people and places: common surnames by frequency, given-name characters,
// compound and road names of the kind Nanjing has, and real district codes of the provinces most
// migrants to Nanjing come from (安徽, 苏北, 河南, 江西, 四川 …), so floating people's ID numbers look
// like the ones a community really registers.
static class DemoNames
{
    public static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
        "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
    ];

    // Surnames are drawn with weights that fall off like the real frequency list (王 and 李 ~7 % each).
    public static string Surname(Random r) => Surnames[(int)(Surnames.Length * Math.Pow(r.NextDouble(), 2.2))];

    public static readonly char[] GivenMale = [.. "伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波宁斌宇浩凯健俊帆帅旭晨阳博文昊然志国建林峰"];
    public static readonly char[] GivenFemale = [.. "芳娜敏静丽艳娟霞燕玲桂丹萍红琳婷雪慧颖洁琴云莉倩欣怡悦璐晶蕾佳雯瑶梦妍涵诗"];

    public static string Name(Random r, bool male)
    {
        var pool = male ? GivenMale : GivenFemale;
        var given = r.NextDouble() < 0.3 ? $"{pool[r.Next(pool.Length)]}" : $"{pool[r.Next(pool.Length)]}{pool[r.Next(pool.Length)]}";
        return Surname(r) + given;
    }

    public static readonly string[] Compounds =
    [
        "兰园", "梅园新村", "长江新村", "锦绣花园", "翠竹园", "紫金花园", "龙江小区", "月牙湖花园", "银城东苑", "苜蓿园",
        "后宰门小区", "蓝旗新村", "紫荆园", "东方花园", "丹凤新寓", "童家巷小区", "北京东路小区", "珠江路小区", "峨嵋岭小区", "傅厚岗小区",
        "虹苑新寓", "仙鹤苑", "金陵世纪花园", "天山路小区", "莫愁新寓", "南湖新村", "凤凰花园城", "玉兰花园", "清凉山小区", "秦淮人家",
    ];

    public static readonly string[] Roads = ["中山路", "北京东路", "珠江路", "长江路", "太平北路", "成贤街", "丹凤街", "鸡鸣寺路", "黄埔路", "龙蟠中路"];

    // Real district codes of migrants' home provinces: 合肥瑶海, 阜阳颍州, 宿州埇桥, 安庆迎江, 滁州琅琊, 徐州鼓楼,
    // 宿迁宿城, 淮安淮安区, 盐城亭湖, 南阳宛城, 信阳浉河, 赣州章贡, 成都锦江, 常德武陵, 潍坊潍城, 武汉江岸.
    public static readonly string[] Origins =
    [
        "340102", "341202", "341302", "340802", "341102", "320302", "321302", "320803", "320902", "411302", "411502",
        "360702", "510104", "430702", "370702", "420102",
    ];
}
