using GridGov.Features.Organization;
using GridGov.Features.Tickets;
using GridGov.Infrastructure;
using GridGov.Infrastructure.UseCases;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace GridGov.Features.Analytics.Trends.Pages;

public partial class TrendsPage
{
    public sealed record Choice(string Key, string Name);

    static readonly Choice[] Splits = [new("None", "不分组"), new("Source", "按来源"), new("Category", "按类别"), new("State", "按状态"), new("Area", "按下级单位")];
    static readonly Choice[] Sources = [.. Enum.GetValues<TicketSource>().Select(s => new Choice(s.ToString(), TicketNames.Source(s)))];

    long? unit;
    string step = "Day", by = "None";
    string? category, source;
    DateTime?[] range = [];
    Choice[] categories = [];
    TrendReport? report;
    string? invalid;
    bool draw;
    IJSObjectReference? charts;

    // The latest first: what people look at; the chart runs left to right.
    IEnumerable<TrendPoint> NewestFirst => report?.Points.AsEnumerable().Reverse() ?? [];

    string Title => report is null ? "趋势分析" : $"趋势分析 · {report.UnitName}";

    static string Days(DateOnly from, DateOnly to) => $"{from:yyyy-MM-dd} 至 {to:yyyy-MM-dd}";

    // More tickets is worse news: a rise is red, a fall green.
    public static string Colour(Growth g) => g.Change > 0 ? "color:#cf1322" : g.Change < 0 ? "color:#389e0d" : "";

    TrendQuery Query => new(unit, step, From, To, by, category, source);
    string? From => range.ElementAtOrDefault(0)?.ToString("yyyy-MM-dd");
    string? To => range.ElementAtOrDefault(1)?.ToString("yyyy-MM-dd");

    string ExportUrl => "/api/v1/analytics/trends/export?" + string.Join("&", new (string, string?)[]
    {
        ("unit", unit?.ToString()), ("step", step), ("from", From), ("to", To), ("by", by), ("category", category), ("source", source),
    }.Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));

    protected override async Task OnInitializedAsync()
    {
        categories = [.. (await Cases.RunAsync<Tickets.Categories.ListCategories, Result<List<Tickets.Categories.CategoryDto>>>(u => u.HandleAsync())).Value?
            .Where(c => c.ParentCode is null).Select(c => new Choice(c.Code, c.Name)) ?? []];
        unit = Me.UnitCode > 0 ? Me.UnitCode : null;
        DefaultRange();
        await LoadAsync();
    }

    // The last 30 days, 12 weeks or 12 months up to China's today.
    void DefaultRange()
    {
        var today = ChinaTime.FromUtc(DateTime.UtcNow).Date;
        range = [step switch { "Week" => today.AddDays(-7 * 11), "Month" => today.AddMonths(-11), _ => today.AddDays(-29) }, today];
    }

    async Task StepChangedAsync() { DefaultRange(); await LoadAsync(); }

    async Task LoadAsync()
    {
        var result = await Cases.RunAsync<GetTrend, Result<TrendReport>>(u => u.HandleAsync(Query));
        invalid = result.Succeeded ? null : result.Kind == ResultKind.NotFound ? "所选单位不存在，或不在您的数据范围内" : result.Message;
        report = result.Value;
        unit ??= report?.UnitCode;
        draw = report is not null;
    }

    async Task SelectUnitAsync(OrgUnitDto u) { unit = u.Code; await LoadAsync(); }

    async Task ResetAsync()
    {
        (step, by, category, source) = ("Day", "None", null, null);
        unit = Me.UnitCode > 0 ? Me.UnitCode : null;
        DefaultRange();
        await LoadAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!draw || !RendererInfo.IsInteractive || report is null) return;
        draw = false;
        charts ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/trendcharts.js");
        await charts.InvokeVoidAsync("renderTrend", "trends-chart", $"趋势分析-{report.UnitName}-{report.From:yyyyMMdd}至{report.To:yyyyMMdd}",
            report.Points.Select(p => p.Label).ToArray(), report.Points.Select(p => p.Count).ToArray(),
            report.Series.Select(s => new { s.Name, s.Counts }).ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        try { if (charts is not null) { await charts.InvokeVoidAsync("dispose", new[] { "trends-chart" }); await charts.DisposeAsync(); } } catch (JSDisconnectedException) { }
    }
}
