using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Components;

public static class ComponentNames
{
    public static string Condition(ComponentState s) => s switch
    {
        ComponentState.Intact => "完好", ComponentState.Damaged => "损坏", ComponentState.Missing => "丢失", ComponentState.Occupied => "占用", _ => "废弃",
    };
}

sealed class ComponentAuditNames : AuditNames
{
    public override IEnumerable<AuditEntity> Entities() =>
    [
        new(nameof(Component), "部件")
        {
            Properties = RegistryAuditNames.With(new()
            {
                ["Code"] = "部件编码", ["ClassCode"] = "部件类别", ["Name"] = "名称", ["Condition"] = "部件状态", ["DepartmentId"] = "养护部门",
                ["OwnerName"] = "权属单位", ["Lon"] = "经度", ["Lat"] = "纬度", ["Location"] = "位置描述", ["InstalledOn"] = "设置日期", ["CheckedOn"] = "最近检查日期",
            }),
            Values = new(RegistryAuditNames.RecordValues) { ["Condition"] = v => Enum.TryParse<ComponentState>(v, out var s) ? ComponentNames.Condition(s) : null },
            Resolve = (db, keys, ct) => RegistryAuditNames.NamesAsync(db.Set<Component>(), keys, c => new RegistryAuditNames.IdName(c.Id, c.Code), ct),
            Search = async (db, text, ct) => await db.Set<Component>().IgnoreQueryFilters().AsNoTracking()
                .Where(c => c.Code == text).Select(c => c.Id.ToString()).Take(500).ToListAsync(ct),
        },
    ];
}
