using GridGov.Infrastructure.Web;
using GridGov.Components.Layout;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Analytics.Warnings;

// 预警分析: rules kept as data, an evaluator run by a background job, warnings delivered live to the
// command centres of their area and handled there; under /api/v1/analytics/warnings and /hubs/warnings.
public static class WarningsSlice
{
    public static IServiceCollection AddWarnings(this IServiceCollection services)
    {
        services.AddHeaderPart<Pages.WarningAlerts>();
        services.AddScopedHub<WarningHub, WarningChange, WarningFeed>();
        services.AddSingleton<WarningEvaluator>();
        services.AddHostedService<WarningWatcher>();
        services.AddScoped<SeedWarningRules>();
        services.AddScoped<ListWarnings>();
        services.AddScoped<ExportWarnings>();
        services.AddScoped<GetWarning>();
        services.AddScoped<CountWarningsByDay>();
        services.AddScoped<WarningHandling>();
        services.AddScoped<AcknowledgeWarning>();
        services.AddScoped<IgnoreWarning>();
        services.AddScoped<SuperviseWarning>();
        services.AddScoped<TicketFromWarning>();
        services.AddScoped<WarningRuleForm>();
        services.AddScoped<ListWarningRules>();
        services.AddScoped<AddWarningRule>();
        services.AddScoped<ChangeWarningRule>();
        services.AddScoped<DeleteWarningRule>();
        return services;
    }

    // `api` is the /api/v1 group; the hub lives beside it.
    public static void MapWarnings(this RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        var g = api.MapGroup("/analytics/warnings").WithTags("预警分析").RequireAuthorization(Permissions.AnalyticsView);
        g.MapGet("", async ([AsParameters] WarningQuery q, ListWarnings u, CancellationToken ct) => (await u.HandleAsync(q, ct)).ToHttp())
            .WithName("ListWarnings").WithSummary("本辖区的预警（按状态、类型、规则、区域、日期、关键词筛选，分页）");
        g.MapGet("/export", async ([AsParameters] WarningQuery q, ExportWarnings u, CancellationToken ct) => await u.HandleAsync(q, ct))
            .WithName("ExportWarnings").WithSummary("按当前条件导出预警（全部页，Excel）")
            .Produces(200, contentType: Infrastructure.Export.XlsxExport.ContentType);
        g.MapGet("/daily", async (int? days, CountWarningsByDay u, CancellationToken ct) => (await u.HandleAsync(days, ct)).ToHttp())
            .WithName("CountWarningsByDay").WithSummary("近若干天每日预警数（按预警类型）");
        g.MapGet("/{id:long}", async (long id, GetWarning u, CancellationToken ct) => (await u.HandleAsync(id, ct)).ToHttp())
            .WithName("GetWarning").WithSummary("预警详情：证据工单、处置记录，突增预警的每日序列与基线");
        var handle = g.MapGroup("/{id:long}").RequireAuthorization(Permissions.WarningsHandle);
        handle.MapPost("/acknowledge", async (long id, HandleWarningRequest r, AcknowledgeWarning u, CancellationToken ct) => (await u.HandleAsync(id, r, ct)).ToHttp())
            .WithName("AcknowledgeWarning").WithSummary("确认预警（须带版本号）");
        handle.MapPost("/ignore", async (long id, HandleWarningRequest r, IgnoreWarning u, CancellationToken ct) => (await u.HandleAsync(id, r, ct)).ToHttp())
            .WithName("IgnoreWarning").WithSummary("忽略预警（须填写原因）");
        handle.MapPost("/supervise", async (long id, HandleWarningRequest r, SuperviseWarning u, CancellationToken ct) => (await u.HandleAsync(id, r, ct)).ToHttp())
            .WithName("SuperviseWarning").WithSummary("预警转督办：督办全部未办结的证据工单");
        handle.MapPost("/ticket", async (long id, HandleWarningRequest r, TicketFromWarning u, CancellationToken ct) => (await u.HandleAsync(id, r, ct)).ToHttp())
            .WithName("TicketFromWarning").WithSummary("预警转工单：在预警所在区域登记一件新工单");

        var rules = g.MapGroup("/rules");
        rules.MapGet("", async (ListWarningRules u, CancellationToken ct) => (await u.HandleAsync(ct)).ToHttp())
            .WithName("ListWarningRules").WithSummary("预警规则（全市统一）");
        rules.MapPost("", async (SaveWarningRule r, AddWarningRule u, CancellationToken ct) => (await u.HandleAsync(r, ct)).ToHttp())
            .RequireAuthorization(Permissions.WarningsHandle).WithName("AddWarningRule").WithSummary("新增预警规则（仅全市数据范围的账号）");
        rules.MapPut("/{id:long}", async (long id, SaveWarningRule r, ChangeWarningRule u, CancellationToken ct) => (await u.HandleAsync(id, r, ct)).ToHttp())
            .RequireAuthorization(Permissions.WarningsHandle).WithName("ChangeWarningRule").WithSummary("修改、启用或停用预警规则（仅全市数据范围的账号，须带版本号）");
        rules.MapDelete("/{id:long}", async (long id, DeleteWarningRule u, CancellationToken ct) => (await u.HandleAsync(id, ct)).ToHttp())
            .RequireAuthorization(Permissions.WarningsHandle).WithName("DeleteWarningRule").WithSummary("删除未产生过预警的规则（仅全市数据范围的账号）");

        app.MapHub<WarningHub>(WarningHub.Path);
    }
}
