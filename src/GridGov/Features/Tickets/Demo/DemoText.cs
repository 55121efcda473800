namespace GridGov.Features.Tickets.Demo;

// The words of the demo history: places, people, and what departments, verifiers and reporters
// write. Plain lists, so a city can make its demo read like home by editing one file.
static class DemoText
{
    // Roads of the demo district's streets (玄武区), by street code; other streets use the common list.
    public static readonly IReadOnlyDictionary<long, string[]> RoadsByStreet = new Dictionary<long, string[]>
    {
        [320102002] = ["长江路", "汉府街", "梅园新村", "大行宫", "中山东路", "太平北路", "竺桥", "东箭道", "利济巷", "长白街", "黄埔路", "北安门街", "后宰门街", "龙蟠中路", "明故宫路"],
        [320102003] = ["中山路", "珠江路", "洪武北路", "丹凤街", "进香河路", "成贤街", "唱经楼西街", "估衣廊", "网巾市", "碑亭巷", "大石桥街", "香铺营"],
        [320102005] = ["北京东路", "鸡鸣寺路", "台城路", "天山路", "百子亭", "廖家巷", "大树根", "公教一村", "北京西路", "傅厚岗"],
        [320102007] = ["龙蟠路", "锁金村路", "樱驼村路", "新庄路", "花园路", "红山路", "锁金新村"],
        [320102008] = ["红山路", "和燕路", "黑墨营", "玄武大道", "营苑南路", "墨香路", "新庄广场"],
        [320102009] = ["中山门大街", "孝陵卫街", "卫岗", "钟灵街", "环陵路", "马群街", "童卫路"],
        [320102010] = ["板仓街", "蓝旗街", "玄武大道", "童卫路", "岗子村", "北京东路"],
    };

    public static readonly string[] Roads =
    [
        "中山路", "中山东路", "中山北路", "北京东路", "汉中路", "长江路", "珠江路", "龙蟠路", "太平北路", "洪武北路",
        "广州路", "汉口路", "上海路", "宁海路", "江东北路", "集庆路", "建康路", "升州路", "应天大街", "虎踞路",
    ];

    public static readonly string[] Landmarks = ["公交站台旁", "地铁站出口", "菜市场门口", "小学门口", "农贸市场东侧", "沿街商铺前", "公园北门", "社区服务中心旁"];

    static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "曹"];
    static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华", "玉兰", "海燕", "志强", "晓东", "红梅"];

    public static string PersonName(Random rng) => Surnames[rng.Next(Surnames.Length)] + GivenNames[rng.Next(GivenNames.Length)];

    public static string Citizen(Random rng) => Surnames[rng.Next(Surnames.Length)] + (rng.Next(2) == 0 ? "先生" : "女士");

    // The same grid always has the same worker, whatever else was drawn.
    public static string GridWorker(long gridCode) => PersonName(new Random((int)(gridCode % int.MaxValue)));

    // "梅园新村社区居委会" → "梅园新村": what residents call their compound.
    public static string Estate(string communityName)
    {
        var name = communityName;
        foreach (var suffix in new[] { "社区居委会", "居委会", "村委会", "社区" })
            if (name.EndsWith(suffix, StringComparison.Ordinal)) { name = name[..^suffix.Length]; break; }
        return name.Length == 0 ? communityName : name;
    }

    // What the department wrote when it reported back: by category (a minor's code or its major's),
    // else by department kind.
    public static readonly IReadOnlyDictionary<string, string[]> ResultsByCategory = new Dictionary<string, string[]>
    {
        ["E0101"] = ["已责令当事人拆除违建，现已拆除完毕", "已下达限期整改通知书，当事人已自行拆除", "已组织联合执法拆除违规搭建"],
        ["E01"] = ["已清理完毕", "已组织保洁人员清运，现场恢复整洁", "已联系环卫所清运处置", "已督促责任单位清理到位"],
        ["E02"] = ["已清除小广告并对周边进行巡查", "已责令商户拆除违规广告牌", "已对散发人员进行劝离教育", "已联系产权单位修复招牌"],
        ["E03"] = ["已约谈施工单位，责令规范施工", "已督促工地落实围挡和降尘措施", "已责令施工单位清运废料", "已调整作业时间，夜间停止施工"],
        ["E04"] = ["已组织抢修完毕，恢复正常", "已设置警示围挡并完成处置", "已疏通排水，积水已退", "已联合相关单位现场处置完毕"],
        ["E0505"] = ["已联系车主挪车，并张贴违停告知单", "已对违停车辆依法处罚", "已加强该路段巡查，车辆已驶离"],
        ["E05"] = ["已现场劝离，并对当事人进行教育", "已责令商户退店经营", "已清理占道物品，恢复通行", "已依法暂扣经营工具"],
        ["C"] = ["已维修完毕，恢复正常使用", "已更换损坏部件", "已通知权属单位修复完毕", "已设置警示标志并完成维修"],
        ["G01"] = ["已组织人民调解，双方达成一致", "经调解双方和解，已签订调解协议", "已告知当事人法律途径并提供法律援助"],
        ["G02"] = ["已现场排查，隐患已消除", "已督促落实整改措施", "已清理楼道杂物，恢复消防通道畅通", "已拆除飞线并引导至集中充电点充电"],
        ["G03"] = ["已出警处置，并加强该区域巡逻", "已查处并依法处理", "已对当事人进行批评教育"],
        ["G05"] = ["已上门走访，落实稳控和帮扶措施", "已联系家属和专业机构跟进", "已纳入重点关注，定期走访"],
    };

    public static string[] ResultsFor(string categoryCode, string departmentKind) =>
        ResultsByCategory.GetValueOrDefault(categoryCode) ?? ResultsByCategory.GetValueOrDefault(categoryCode[..3])
        ?? ResultsByCategory.GetValueOrDefault(categoryCode[..1]) ?? Results.GetValueOrDefault(departmentKind) ?? GenericResults;

    static readonly IReadOnlyDictionary<string, string[]> Results = new Dictionary<string, string[]>
    {
        ["城管"] = ["已清理完毕", "已组织保洁人员清运，现场恢复整洁", "已责令当事人限期整改，现已整改到位", "已现场劝离，并对当事人进行教育", "已拆除违规设施，恢复原状", "已联系环卫所清运处置"],
        ["公安"] = ["已出警处置，现场秩序恢复正常", "已联系车主挪车，并张贴违停告知单", "已对当事人进行批评教育", "已查处并依法处理", "已加强该区域巡逻防控"],
        ["民政"] = ["已上门走访，落实救助措施", "已联系家属并安排社区照料", "已协助办理相关手续", "已纳入社区重点关爱对象，定期探访"],
        ["人社"] = ["已约谈用人单位，工资已发放到位", "已提供就业岗位信息并推荐面试", "已指导办理参保手续", "已立案调查并督促整改"],
        ["卫健"] = ["已安排社区医生上门", "已联系专业机构评估处置", "已协调辖区医院跟进"],
        ["残联"] = ["已上门了解需求，落实帮扶措施", "已协助申请辅助器具"],
        ["司法"] = ["已组织人民调解，双方达成一致", "经调解双方和解，已签订调解协议", "已告知当事人法律途径并提供法律援助", "已落实教育帮扶措施"],
        ["住建"] = ["已安排施工队维修完毕", "已联系产权单位修复", "已督促物业整改到位", "已更换损坏设施，恢复正常使用", "已设置警示围挡并完成修复"],
        ["市场监管"] = ["已现场检查，责令商户整改", "已立案调查，依法处理", "已约谈商家，消费者诉求已解决", "已督促维保单位完成检修"],
        ["生态环境"] = ["已现场检查并责令整改，噪声已停止", "已督促安装油烟净化设施", "已立案查处违法排污行为", "已约谈施工单位，调整作业时间"],
        ["应急管理"] = ["已现场排查，隐患已消除", "已督促单位落实整改措施", "已清理楼道杂物，恢复消防通道畅通", "已拆除飞线并引导至集中充电点充电"],
        ["水务"] = ["已疏通管道，恢复排水", "已打捞清理水面漂浮物", "已更换井盖，消除隐患", "已抢修完毕，恢复供水"],
        ["园林"] = ["已修剪处理完毕", "已清理绿地垃圾", "已补植绿化，恢复原貌", "已对倒伏树木进行扶正加固", "已喷药防治病虫害"],
    };

    static readonly string[] GenericResults = ["已现场处置完毕", "已联系相关单位整改到位", "已处理完毕"];

    public static readonly string[] VerifyPassNotes = ["现场核查，问题已解决", "经核查已整改到位", "现场复核，处置结果属实", "已回访，居民表示满意"];
    public static readonly string[] VerifyFailNotes = ["现场核查仍有残留，需返工", "整改不到位，问题仍然存在", "只处理了一部分，请继续处置"];
    public static readonly string[] ReturnNotes = ["经核实不属于本部门职责，请重新派遣", "涉及产权单位，需由上级部门协调", "超出本部门处置能力，请改派"];
    public static readonly string[] ExtensionNotes = ["需协调产权单位，申请延期", "维修配件需采购，申请延期", "当事人外出，需另约时间处理", "受天气影响无法施工，申请延期"];
    public static readonly string[] ShelveNotes = ["涉及历史遗留问题，需纳入年度计划解决", "需立项改造，短期内无法解决", "涉及多方产权争议，需长期协调"];
    public static readonly string[] RejectNotes = ["经核实，所报问题不存在", "不属于网格化受理范围，已告知当事人通过其他途径解决", "信息不全，无法核实", "属于私人纠纷，已建议当事人通过诉讼解决"];
    public static readonly string[] EscalateNotes = ["涉及多个部门，超出街道处置能力，提请区指挥中心协调", "问题跨街道，请区指挥中心统筹"];
    public static readonly string[] SuperviseNotes = ["已超期，请抓紧办理", "请加快处置进度，尽快反馈", "群众多次反映，请限时办结"];
    public static readonly string[] CloseNotes = ["同意结案", "处置完毕，予以结案"];

    public static readonly (Evaluation Level, string[] Notes)[] Evaluations =
    [
        (Evaluation.Satisfied, ["处理及时，很满意", "很满意，谢谢", "效率很高"]),
        (Evaluation.Basic, ["基本解决了", "处理还可以，就是慢了点"]),
        (Evaluation.Unsatisfied, ["处理太慢", "问题没有根本解决"]),
    ];
}
