using GridGov.Features.Tickets;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Analytics.Trends;

// by, category and source of a trend question, checked, with the filter said in Chinese.
public static class TrendFilters
{
    public static Result<(TrendBy By, TrendFilter Filter, string Text)> Parse(string? by, string? category, string? source, CategoryGroups groups)
    {
        var errors = new Dictionary<string, string[]>();
        var b = TrendBy.None;
        if (!string.IsNullOrWhiteSpace(by) && !Enum.TryParse(by.Trim(), true, out b))
            errors["by"] = ["分组方式应为 None（不分组）、Source（按来源）、Category（按类别）、State（按状态）或 Area（按下级单位）"];
        int[]? ids = null;
        if (!string.IsNullOrWhiteSpace(category) && (ids = groups.IdsOf(category.Trim())) is null)
            errors["category"] = [$"没有编码为“{category.Trim()}”的事件类别"];
        TicketSource? s = null;
        if (!string.IsNullOrWhiteSpace(source))
        {
            if (Enum.TryParse<TicketSource>(source.Trim(), true, out var parsed) && Enum.IsDefined(parsed)) s = parsed;
            else errors["source"] = [$"没有“{source.Trim()}”这种事件来源"];
        }
        // States are tallied by source, not by category (TicketTallies): the two do not combine.
        if (b == TrendBy.State && ids is not null) errors["by"] = ["按状态分组时不能再按类别筛选，请去掉类别或改用其他分组"];
        if (errors.Count > 0) return Result<(TrendBy, TrendFilter, string)>.Invalid(errors);
        var text = string.Join("，", new[]
        {
            ids is null ? null : $"类别：{groups.NameOf(category!.Trim())}",
            s is { } x ? $"来源：{TicketNames.Source(x)}" : null,
        }.Where(t => t is not null));
        return Result<(TrendBy, TrendFilter, string)>.Ok((b, new TrendFilter(ids, s), text.Length == 0 ? "全部工单" : text));
    }
}
