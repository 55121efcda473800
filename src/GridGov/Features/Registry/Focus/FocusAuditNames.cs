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
