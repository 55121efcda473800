using GridGov.Features.Organization;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Export;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Terminal.Patrols;

// "导出" of 巡查记录: every patrol of the list's filter (all pages, the caller's area).
public sealed class ExportPatrols(ListPatrols list, XlsxExport export, Places places, TimeProvider clock)
{
    public async Task<IResult> HandleAsync(PatrolQuery q, CancellationToken ct = default)
    {
        var filtered = await list.FilterAsync(q, ct: ct);
        if (!filtered.Succeeded) return filtered.As<Done>().ToHttp();
        var f = filtered.Value!;
        await places.NameAsync(0, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        string? Grid(long code) => places.NameAsync(code).GetAwaiter().GetResult();
        XlsxColumn<Patrol>[] columns =
        [
            new("网格员", p => p.WorkerName, 12),
            new("网格", p => Grid(p.GridCode), 24),
            new("开始时间", p => ChinaTime.Format(p.StartedAt), 20),
            new("结束时间", p => p.EndedAt is null ? "进行中" : ChinaTime.Format(p.EndedAt), 20),
            new("时长（分钟）", p => Math.Round(PatrolReads.Duration(p, now) / 60.0, 1), 12),
            new("里程（米）", p => Math.Round(p.DistanceMeters), 12),
            new("轨迹点数", p => p.PointCount, 10),
            new("扫码地址数", p => p.ScanCount, 10),
            new("备注", p => p.Note, 30),
        ];
        var filter = string.Join("；", new[]
        {
            $"单位：{f.UnitName}", $"日期：{f.From:yyyy-MM-dd} 至 {f.To:yyyy-MM-dd}", q.Worker is { } w ? $"网格员编号：{w}" : null,
        }.OfType<string>());
        var rows = f.Query.OrderByDescending(p => p.StartedAt).ThenByDescending(p => p.Id).AsEnumerable();
        return await export.FileAsync(rows, columns, nameof(Patrol), "巡查记录", filter, ct);
    }
}
