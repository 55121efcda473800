using GridGov.Infrastructure.Database;

namespace GridGov.Features.Analytics.Warnings;

// How warnings, their rules, evidence and history read in the audit log.
sealed class WarningAuditNames : AuditNames
{
    static readonly Dictionary<string, Func<string, string?>> Codes = new()
    {
        ["Kind"] = v => WarningNames.Parse<WarningKind>(v, WarningNames.Kind),
        ["State"] = v => WarningNames.Parse<WarningState>(v, WarningNames.State),
        ["From"] = v => WarningNames.Parse<WarningState>(v, WarningNames.State),
        ["To"] = v => WarningNames.Parse<WarningState>(v, WarningNames.State),
        ["Action"] = v => WarningNames.Parse<WarningAction>(v, WarningNames.Action),
        ["Method"] = v => WarningNames.Parse<SpikeMethod>(v, WarningNames.Method),
        ["GroupLevel"] = v => Enum.TryParse<OrgLevel>(v, out var l) ? OrgCode.LevelName(l) : null,
    };

    public override IEnumerable<AuditEntity> Entities() =>
    [
        new(nameof(WarningRule), "预警规则")
        {
            Properties = new()
            {
                ["Id"] = "编号", ["Name"] = "名称", ["Kind"] = "类型", ["AreaCode"] = "区域", ["CategoryCode"] = "事件分类", ["GroupLevel"] = "分组层级",
                ["MinCount"] = "件数阈值", ["WindowHours"] = "时间窗（小时）", ["RadiusMeters"] = "半径（米）", ["Method"] = "突增检测方法",
                ["Limit"] = "统计量阈值", ["MinSigma"] = "标准差下限", ["Enabled"] = "启用", ["CreatedAt"] = "创建时间", ["UpdatedAt"] = "修改时间",
            },
            Hidden = ["Version"],
            Values = Codes,
        },
        new(nameof(Warning), "预警")
        {
            Properties = new()
            {
                ["Id"] = "编号", ["RuleId"] = "规则", ["RuleName"] = "规则名称", ["Kind"] = "类型", ["AreaCode"] = "区域", ["GridCode"] = "网格编码",
                ["AreaName"] = "区域名称", ["Title"] = "标题", ["Summary"] = "摘要", ["RaisedAt"] = "预警时间", ["State"] = "状态",
                ["HandledById"] = "处置人编号", ["HandledByName"] = "处置人", ["HandledAt"] = "处置时间", ["HandledNote"] = "处置说明",
                ["TicketId"] = "生成的工单", ["DepartmentId"] = "部门", ["EvidenceKey"] = "证据标识", ["EvidenceCount"] = "证据工单数",
                ["Series"] = "每日序列",
            },
            Hidden = ["Version"],
            Values = Codes,
        },
        new(nameof(WarningEvidence), "预警证据")
        {
            // Written as one summary per warning (WarningEvaluator): which warning, how many tickets.
            Properties = new() { ["Id"] = "编号", ["WarningId"] = "预警", ["RuleId"] = "规则", ["TicketId"] = "工单", ["Tickets"] = "证据工单数" },
        },
        new(nameof(WarningEvent), "预警处置记录")
        {
            Properties = new()
            {
                ["Id"] = "编号", ["WarningId"] = "预警", ["At"] = "时间", ["ActorId"] = "操作人编号", ["ActorName"] = "操作人", ["Action"] = "操作",
                ["From"] = "原状态", ["To"] = "新状态", ["Note"] = "说明",
            },
            Values = Codes,
        },
    ];
}
