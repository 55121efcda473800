using GridGov.Infrastructure.Import;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridGov.Features.Registry.Focus;

// The focus part of the registry: its use cases and its endpoints under /api/v1/registry.
static class FocusSlice
{
    public static IServiceCollection AddFocus(this IServiceCollection services)
    {
        services.AddScoped<ListFocusSubjects>();
        services.AddScoped<CountFocusSubjects>();
        services.AddScoped<GetFocusSubject>();
        services.AddScoped<AddFocusSubject>();
        services.AddScoped<ChangeFocusSubject>();
        services.AddScoped<ExportFocusSubjects>();
        services.AddScoped<FocusWorkers>();
        services.AddScoped<MaskedPeople>();
        services.AddScoped<RecordFocusVisit>();
        services.AddScoped<FocusVisits>();
        services.AddScoped<ListDueVisits>();
        services.AddSingleton<IImportTarget, FocusImport>();
        return services;
    }

    public static void MapFocus(this RouteGroupBuilder registry)
    {
        var g = registry.MapGroup("/focus");
        g.MapGet("", async ([AsParameters] FocusQuery q, ListFocusSubjects u, CancellationToken ct) => (await u.HandleAsync(q, ct)).ToHttp())
            .WithName("ListFocusSubjects").WithSummary("重点关注对象列表（按类别、风险、单位、走访到期、责任人筛选；按下次走访排序）");
        g.MapGet("/counts", async (long? unit, CountFocusSubjects u, CancellationToken ct) => (await u.HandleAsync(unit, ct)).ToHttp())
            .WithName("CountFocusSubjects").WithSummary("本辖区重点关注对象统计：按类别、已逾期、即将到期");
        g.MapGet("/export", async ([AsParameters] FocusQuery q, ExportFocusSubjects u, CancellationToken ct) => await u.HandleAsync(q, ct))
            .WithName("ExportFocusSubjects").WithSummary("按当前条件导出重点关注对象（全部页，Excel；号码脱敏）");
        g.MapGet("/workers", async (long grid, FocusWorkers u, CancellationToken ct) => (await u.ForGridAsync(grid, ct)).ToHttp())
            .WithName("ListFocusWorkers").WithSummary("可担任某网格重点关注对象责任人的账号");
        g.MapGet("/{id:long}", async (long id, GetFocusSubject u, CancellationToken ct) => (await u.HandleAsync(id, ct)).ToHttp())
            .WithName("GetFocusSubject").WithSummary("重点关注对象详情（含人员基本信息，号码脱敏）");
        g.MapPost("", async (CreateFocusSubject r, AddFocusSubject u, CancellationToken ct) => (await u.HandleAsync(r, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryEdit).WithName("CreateFocusSubject").WithSummary("将实有人口中的人员列为重点关注对象");
        g.MapPut("/{id:long}", async (long id, EditFocusSubject r, ChangeFocusSubject u, CancellationToken ct) => (await u.EditAsync(id, r, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryEdit).WithName("EditFocusSubject").WithSummary("修改重点关注对象的风险等级、走访周期、责任人、备注");
        g.MapPost("/{id:long}/close", async (long id, CloseFocusSubject r, ChangeFocusSubject u, CancellationToken ct) => (await u.CloseAsync(id, r, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryEdit).WithName("CloseFocusSubject").WithSummary("解除关注（注明原因）");
        g.MapPost("/{id:long}/visits", async (long id, RecordVisit r, RecordFocusVisit u, CancellationToken ct) => (await u.HandleAsync(id, r, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryEdit).WithName("RecordFocusVisit")
            .WithSummary("记录一次走访（时间、位置、走访情况、走访后风险、照片），并更新下次走访日期和风险等级");
        g.MapGet("/{id:long}/visits", async (long id, FocusVisits u, CancellationToken ct) => (await u.ListAsync(id, ct: ct)).ToHttp())
            .WithName("ListFocusVisits").WithSummary("重点关注对象的走访记录（最近的在前）");
        g.MapGet("/{id:long}/visits/{visit:long}/photos/{photo}", async (long id, long visit, string photo, FocusVisits u, HttpResponse response, CancellationToken ct) =>
                PhotoFile(await u.PhotoAsync(id, visit, photo, ct), response))
            .WithName("GetFocusVisitPhoto").WithSummary("走访照片");
    }

    static Results<FileStreamHttpResult, NotFound> PhotoFile(Result<FocusVisitPhoto> r, HttpResponse response)
    {
        if (r.Value is not { } p) return TypedResults.NotFound();
        response.Headers.XContentTypeOptions = "nosniff";
        Infrastructure.Web.SecurityHeaders.Sandbox(response.HttpContext);
        return TypedResults.File(p.Open(), p.ContentType, enableRangeProcessing: true, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{p.Id}\""));
    }
}
