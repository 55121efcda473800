using GridGov.Infrastructure.Export;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Analytics.Trends;

// "导出" of 趋势分析: one row per bucket with its count, 环比 and 同比, and a column per series.
public sealed class ExportTrend(GetTrend trend, XlsxExport export)
{
    public async Task<IResult> HandleAsync(TrendQuery q, CancellationToken ct = default)
    {
        var result = await trend.HandleAsync(q, ct);
        if (!result.Succeeded) return result.As<Done>().ToHttp();
        var r = result.Value!;
        List<XlsxColumn<(int Index, TrendPoint Point)>> columns =
        [
            new("时间", x => x.Point.Label, 12),
            new("起始日期", x => x.Point.From.ToString("yyyy-MM-dd"), 12),
            new("截止日期", x => x.Point.To.ToString("yyyy-MM-dd"), 12),
            new("工单数", x => x.Point.Count, 10),
            new("环比", x => x.Point.MonthOnMonth.Text, 10),
            new("同比", x => x.Point.YearOnYear.Text, 10),
        ];
        columns.AddRange(r.Series.Select(s => new XlsxColumn<(int Index, TrendPoint Point)>(s.Name, x => s.Counts[x.Index], 12)));
        var filter = $"单位：{r.UnitName}；日期：{r.From:yyyy-MM-dd} 至 {r.To:yyyy-MM-dd}；{r.FilterText}";
        return await export.FileAsync(r.Points.Select((p, i) => (i, p)), [.. columns], nameof(TrendPoint), "趋势分析", filter, ct);
    }
}
