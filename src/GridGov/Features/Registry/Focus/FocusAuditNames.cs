using GridGov.Infrastructure.Database;

namespace GridGov.Features.Registry.Focus;

public static class FocusNames
{
    public static string Risk(RiskLevel r) => r switch { RiskLevel.High => "高", RiskLevel.Medium => "中", _ => "低" };
}

sealed class FocusAuditNames : AuditNames
{
    public override IEnumerable<AuditEntity> Entities() =>
    [
        new(nameof(FocusVisit), "走访记录")
        {
            Properties = new()
            {
                ["Id"] = "编号", ["FocusSubjectId"] = "重点关注对象", ["GridCode"] = "网格编码", ["Special"] = "特殊人群", ["VisitedAt"] = "走访时间",
                ["VisitorId"] = "走访人编号", ["VisitorName"] = "走访人", ["Lon"] = "经度", ["Lat"] = "纬度", ["Findings"] = "走访情况",
                ["RiskBefore"] = "走访前风险", ["RiskAfter"] = "走访后风险", ["Photos"] = "照片",
            },
            Values = new()
            {
                ["RiskBefore"] = v => Enum.TryParse<RiskLevel>(v, out var r) ? FocusNames.Risk(r) : null,
                ["RiskAfter"] = v => Enum.TryParse<RiskLevel>(v, out var r) ? FocusNames.Risk(r) : null,
            },
        },
        new(nameof(FocusSubject), "重点关注对象")
        {
            Properties = RegistryAuditNames.With(new()
            {
                ["PersonId"] = "人员", ["Kind"] = "关注类别", ["Special"] = "特殊人群", ["Risk"] = "风险等级", ["VisitEveryDays"] = "走访周期（天）",
                ["ResponsibleId"] = "责任网格员", ["ResponsibleName"] = "责任人", ["LastVisitAt"] = "最近走访", ["NextVisitDue"] = "下次走访截止",
                ["Note"] = "备注", ["ClosedOn"] = "解除关注日期",
            }),
            Values = new(RegistryAuditNames.RecordValues) { ["Risk"] = v => Enum.TryParse<RiskLevel>(v, out var r) ? FocusNames.Risk(r) : null },
        },
    ];
}
