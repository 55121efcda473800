using GridGov.Infrastructure;
using GridGov.Infrastructure.Export;

namespace GridGov.Features.Analytics.Warnings;

// 导出: every warning the list's filter selects (caller's scope), through the shared exporter.
public sealed class ExportWarnings(ListWarnings list, XlsxExport export)
{
    static readonly XlsxColumn<Warning>[] Columns =
    [
        new("预警时间", w => ChinaTime.Format(w.RaisedAt), 20),
        new("类型", w => WarningNames.Kind(w.Kind), 10),
        new("规则", w => w.RuleName, 20),
        new("区域", w => w.AreaName, 20),
        new("标题", w => w.Title, 40),
        new("证据工单数", w => w.EvidenceCount, 10),
        new("状态", w => WarningNames.State(w.State), 10),
        new("处置人", w => w.HandledByName, 16),
        new("处置时间", w => w.HandledAt is { } t ? ChinaTime.Format(t) : null, 20),
        new("处置说明", w => w.HandledNote, 30),
        new("摘要", w => w.Summary, 60),
    ];

    public async Task<IResult> HandleAsync(WarningQuery q, CancellationToken ct = default)
    {
        if (await list.FilterAsync(q, ct) is not { } warnings) return TypedResults.NotFound();
        var rows = warnings.OrderByDescending(w => w.RaisedAt).ThenByDescending(w => w.Id).AsEnumerable();
        var filter = string.Join("；", new[]
        {
            q.State is { } s ? $"状态：{WarningNames.State(s)}" : null,
            q.Kind is { } k ? $"类型：{WarningNames.Kind(k)}" : null,
            q.Area is { } a ? $"区域：{a}" : null,
            q.From is { } f ? $"自 {f:yyyy-MM-dd}" : null,
            q.To is { } t ? $"至 {t:yyyy-MM-dd}" : null,
            q.Keyword is { Length: > 0 } kw ? $"关键词：{kw}" : null,
        }.OfType<string>());
        return await export.FileAsync(rows, Columns, nameof(Warning), "预警", filter, ct);
    }
}
