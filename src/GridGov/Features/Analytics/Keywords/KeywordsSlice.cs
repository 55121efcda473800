using GridGov.Infrastructure.Cli;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Analytics.Keywords;

// 热点分析: the keyword index kept by a background job, its use cases, and /api/v1/analytics/keywords.
public static class KeywordsSlice
{
    public static IServiceCollection AddKeywords(this IServiceCollection services)
    {
        services.AddSingleton<KeywordIndexWrites>();
        services.AddSingleton<KeywordRollup>();
        services.AddSingleton<KeywordIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<KeywordIndexer>());
        services.AddScoped<KeywordAreas>();
        services.AddScoped<KeywordCounter>();
        services.AddScoped<GetHotKeywords>();
        services.AddScoped<GetKeywordTrend>();
        services.AddScoped<ListKeywordTickets>();
        services.AddScoped<ExportHotKeywords>();
        services.AddCommand(new CliCommand("rebuild-keywords", "", async (sp, _, output) =>
        {
            var run = await sp.GetRequiredService<KeywordIndexer>().RebuildAsync();
            output.WriteLine($"热点关键词索引已重建：{run.Tickets} 件工单，汇总 {run.Days} 天、{run.Months} 个月，用时 {run.Took.TotalSeconds:F1} 秒");
            return 0;
        }));
        return services;
    }

    public static void MapKeywords(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/analytics/keywords").WithTags("热点分析").RequireAuthorization(Permissions.AnalyticsView);
        g.MapGet("", async ([AsParameters] KeywordQuery q, GetHotKeywords u, CancellationToken ct) => (await u.HandleAsync(q, ct)).ToHttp())
            .WithName("GetHotKeywords").WithSummary("热点关键词：单位（默认本单位）与期间（默认近30天）内工单描述的 TF-IDF 关键词、件数、上期件数、环比和环比上升最多的词");
        g.MapGet("/export", async ([AsParameters] KeywordQuery q, ExportHotKeywords u, CancellationToken ct) => await u.HandleAsync(q, ct))
            .WithName("ExportHotKeywords").WithSummary("导出热点关键词表（Excel）")
            .Produces(200, contentType: Infrastructure.Export.XlsxExport.ContentType).ProducesValidationProblem();
        g.MapGet("/trend", async ([AsParameters] KeywordWordQuery q, GetKeywordTrend u, CancellationToken ct) => (await u.HandleAsync(q, ct)).ToHttp())
            .WithName("GetKeywordTrend").WithSummary("关键词走势：期间内每天（超过 62 天按周）含该词的工单数");
        g.MapGet("/tickets", async ([AsParameters] KeywordWordQuery q, ListKeywordTickets u, CancellationToken ct) => (await u.HandleAsync(q, ct)).ToHttp())
            .WithName("ListKeywordTickets").WithSummary("含该关键词的工单（分页，最新在前）");
    }
}
