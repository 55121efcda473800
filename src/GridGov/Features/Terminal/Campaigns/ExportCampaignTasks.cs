using GridGov.Features.Organization;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Export;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Campaigns;

// "导出" of a campaign's tasks: every task the filter selects (caller's scope), one column per
// checklist item (是/否), through the shared exporter.
public sealed class ExportCampaignTasks(GridDbContext db, ListCampaignTasks list, XlsxExport export, Places places)
{
    public async Task<IResult> HandleAsync(long id, CampaignTaskQuery q, CancellationToken ct = default)
    {
        if (await db.Set<Campaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } c) return TypedResults.NotFound();
        await places.NameAsync(0, ct);
        var items = CampaignFacts.Items(c.Checklist);
        var lateFrom = CampaignFacts.LateFrom(c.EndsOn);
        var rows = list.Filter(id, q).AsEnumerable();
        List<XlsxColumn<CampaignTask>> columns =
        [
            new("网格", t => places.NameAsync(t.GridCode).GetAwaiter().GetResult(), 22),
            new("对象", t => t.Target, 30),
            new("状态", t => t.DoneAt >= lateFrom ? "逾期完成" : TerminalNames.TaskState(t.State), 10),
            new("完成人", t => t.DoneByName, 10),
            new("完成时间", t => t.DoneAt is { } d ? ChinaTime.Format(d) : null, 20),
        ];
        for (var i = 0; i < items.Count; i++)
        {
            var n = i;
            columns.Add(new(items[n], t => t.Answers is { } a && a.Length > n ? (a[n] == '1' ? "是" : "否") : null, Math.Clamp(items[n].Length * 1.6, 10, 30)));
        }
        columns.Add(new("情况说明", t => t.Note, 30));
        columns.Add(new("照片数", t => t.Photos is { } p ? p.Split(',').Length : 0, 8));
        columns.Add(new("经度", t => t.Lon, 12));
        columns.Add(new("纬度", t => t.Lat, 12));
        var filter = string.Join("；", new[]
        {
            $"专项工作：{c.Name}",
            q.Grid is { } g ? $"网格：{await places.NameAsync(g, ct) ?? g.ToString()}" : null,
            q.State is { } s ? $"状态：{TerminalNames.TaskState(s)}" : null,
        }.OfType<string>());
        return await export.FileAsync(rows, columns, nameof(CampaignTask), $"专项任务-{FileSafe(c.Name)}", filter, ct);
    }

    // The name goes into the file's name: no characters a file system or a header refuses.
    static string FileSafe(string name)
    {
        var s = new string([.. name.Where(ch => !char.IsControl(ch) && "\\/:*?\"<>|".IndexOf(ch) < 0)]).Trim();
        return s.Length > 40 ? s[..40] : s;
    }
}
