using GridGov.Infrastructure.Export;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Analytics.Sources;

// "导出" of 关联分析: the table by category (table=categories) or by child unit (table=areas).
public sealed class ExportSourceComparison(GetSourceComparison compare, XlsxExport export)
{
    public async Task<IResult> HandleAsync(SourceQuery q, string? table, CancellationToken ct = default)
    {
        if (table is not ("categories" or "areas"))
            return Result<Done>.Invalid("table", "请指定导出的表：categories（按类别）或 areas（按下级单位）").ToHttp();
        var result = await compare.HandleAsync(q, ct);
        if (!result.Succeeded) return result.As<Done>().ToHttp();
        var r = result.Value!;
        List<XlsxColumn<SourceRow>> columns = [new(table == "areas" ? "单位" : "类别", x => x.Name, 18)];
        columns.AddRange(r.Sources.Select(s => new XlsxColumn<SourceRow>(s, x => x.BySource[s], 10)));
        columns.AddRange(
        [
            new("合计", x => x.Total, 8),
            new("巡查发现率", x => Percent(x.PatrolShare), 12),
            new("重复投诉", x => x.Repeats, 10),
            new("重复投诉率", x => Percent(x.RepeatRate), 12),
        ]);
        var what = table == "areas" ? "关联分析（按下级单位）" : "关联分析（按类别）";
        var filter = $"单位：{r.UnitName}；日期：{r.From:yyyy-MM-dd} 至 {r.To:yyyy-MM-dd}";
        return await export.FileAsync(table == "areas" ? r.Areas : r.Categories, [.. columns], nameof(SourceRow), what, filter, ct);
    }

    public static string Percent(double? share) => share is { } s ? s.ToString("0.0%", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
