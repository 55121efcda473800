using GridGov.Infrastructure.Export;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Panorama;

// "导出" of the panorama's two tables: the children of the unit shown, and the departments' handling.
public sealed class ExportPanorama(GetPanorama panorama, XlsxExport export)
{
    public async Task<IResult> HandleAsync(long? unit, PanoramaPeriod period, string table, CancellationToken ct = default)
    {
        var result = await panorama.HandleAsync(unit, period, ct);
        if (result.Value is not { } f) return result.ToHttp();
        var filter = $"区域：{f.Unit.Name}；时段：{f.PeriodName}";
        if (table == "departments")
            return await export.FileAsync(f.Departments, [
                new XlsxColumn<DepartmentFigure>("部门", d => d.Name, 30),
                new("办结件数", d => d.Closed, 10),
                new("按期办结率", d => Math.Round(d.OnTimeRate * 100, 1) + "%", 12),
                new("平均办结时长（小时）", d => Math.Round(d.AverageHours, 1), 18),
                new("返工率", d => Math.Round(d.ReworkRate * 100, 1) + "%", 10),
            ], "Panorama", $"{f.Unit.Name}{f.PeriodName}部门办理情况", filter, ct);
        return await export.FileAsync(f.Children, [
            new XlsxColumn<ChildFigure>(f.ChildLevelName ?? "下级单位", c => c.Name, 30),
            new("代码", c => c.Code.ToString(), 18),
            new($"{f.PeriodName}事件数", c => c.Tickets, 12),
            new("实有人口", c => c.People, 12),
        ], "Panorama", $"{f.Unit.Name}{f.PeriodName}各{f.ChildLevelName ?? "下级单位"}情况", filter, ct);
    }
}
