using GridGov.Infrastructure.Export;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Analytics.Keywords;

// "导出" of 热点分析: the table of the page (its unit, period and number of words, up to 500) as XLSX.
public sealed class ExportHotKeywords(GetHotKeywords hot, XlsxExport export)
{
    public async Task<IResult> HandleAsync(KeywordQuery q, CancellationToken ct = default)
    {
        var result = await hot.RankAsync(q, GetHotKeywords.MaxExport, ct);
        if (!result.Succeeded) return result.As<Done>().ToHttp();
        var r = result.Value!;
        XlsxColumn<(int Rank, HotKeyword Word)>[] columns =
        [
            new("排名", x => x.Rank, 6),
            new("关键词", x => x.Word.Word, 16),
            new("权重", x => x.Word.Weight, 10),
            new("件数", x => x.Word.Count, 8),
            new("上期件数", x => x.Word.PreviousCount, 10),
            new("环比", x => x.Word.ChangeText, 10),
        ];
        var filter = $"单位：{r.UnitName}；日期：{r.From:yyyy-MM-dd} 至 {r.To:yyyy-MM-dd}；上期：{r.PreviousFrom:yyyy-MM-dd} 至 {r.PreviousTo:yyyy-MM-dd}";
        return await export.FileAsync(r.Keywords.Select((w, i) => (i + 1, w)), columns, nameof(KeywordTerm), "热点关键词", filter, ct);
    }
}
