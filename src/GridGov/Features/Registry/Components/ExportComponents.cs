using GridGov.Features.Organization;
using GridGov.Infrastructure.Export;

namespace GridGov.Features.Registry.Components;

// "导出" of the component list: every component its filter selects (all pages, caller's scope).
public sealed class ExportComponents(ListComponents list, XlsxExport export, Places places, ComponentClasses classes)
{
    public async Task<IResult> HandleAsync(ComponentQuery q, CancellationToken ct = default)
    {
        var departments = (await list.DepartmentsAsync(ct)).ToDictionary(d => d.Id, d => d.Name);
        await places.NameAsync(0, ct);
        var rows = list.Filter(q).OrderBy(c => c.GridCode).ThenBy(c => c.Code).AsEnumerable()
            .Select(c => list.Row(c, departments, places.NameAsync(c.GridCode).GetAwaiter().GetResult()));
        XlsxColumn<ComponentRow>[] columns =
        [
            new("部件编码", c => c.Code, 26),
            new("大类", c => c.MajorName, 10),
            new("小类", c => c.ClassName, 12),
            new("名称", c => c.Name, 14),
            new("部件状态", c => c.ConditionName, 8),
            new("养护部门", c => c.DepartmentName, 22),
            new("权属单位", c => c.OwnerName, 20),
            new("经度", c => c.Lon, 12),
            new("纬度", c => c.Lat, 12),
            new("位置描述", c => c.Location, 30),
            new("设置日期", c => c.InstalledOn?.ToString("yyyy-MM-dd"), 12),
            new("最近检查日期", c => c.CheckedOn?.ToString("yyyy-MM-dd"), 12),
            new("网格", c => c.GridName, 24),
        ];
        var filter = string.Join("；", new[]
        {
            q.Unit is { } unit ? $"单位：{await places.NameAsync(unit, ct) ?? unit.ToString()}" : null,
            q.Class is { Length: > 0 } cls ? $"类别：{classes.NameOf(cls) ?? cls}" : null,
            q.State is { } s ? $"部件状态：{ComponentNames.Condition(s)}" : null,
            q.Department is { } d ? $"养护部门：{departments.GetValueOrDefault(d) ?? d.ToString()}" : null,
            q.Keyword is { Length: > 0 } k ? $"关键词：{k.Trim()}" : null,
        }.OfType<string>());
        return await export.FileAsync(rows, columns, nameof(Component), "部件", filter, ct);
    }
}
