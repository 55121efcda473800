using GridGov.Infrastructure.Database;

namespace GridGov.Infrastructure.Time;

// How the holiday calendar reads in the audit log.
sealed class CalendarAuditNames : AuditNames
{
    public override IEnumerable<AuditEntity> Entities() =>
    [
        new(nameof(CalendarDay), "节假日")
        {
            Properties = new() { ["Date"] = "日期", ["Kind"] = "类型", ["Name"] = "名称", ["days"] = "天数" },
            Values = new() { ["Kind"] = v => v switch { nameof(DayKind.Holiday) => "放假", nameof(DayKind.Workday) => "调休上班", _ => null } },
        },
    ];
}
