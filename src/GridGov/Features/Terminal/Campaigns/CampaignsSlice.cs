using GridGov.Features.Registry.Addresses;
using GridGov.Features.Terminal.Home;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Terminal.Campaigns;

// 重点专项工作: publishing and following campaigns (a street's or community's office, campaigns.publish)
// and doing their tasks (the workers of the grids concerned), under /api/v1/terminal/campaigns.
static class CampaignsSlice
{
    public static IServiceCollection AddCampaigns(this IServiceCollection services)
    {
        services.AddScoped<CampaignRows>();
        services.AddScoped<PublishCampaign>();
        services.AddScoped<ListCampaigns>();
        services.AddScoped<GetCampaign>();
        services.AddScoped<CloseCampaign>();
        services.AddScoped<ListCampaignTasks>();
        services.AddScoped<ExportCampaignTasks>();
        services.AddScoped<CampaignTargets>();
        services.AddScoped<ListMyTasks>();
        services.AddScoped<GetTask>();
        services.AddScoped<CompleteTask>();
        services.AddScoped<GetTaskPhoto>();
        services.AddScoped<IWorkCounter, TaskWork>();
        return services;
    }

    public static void MapCampaigns(this RouteGroupBuilder terminal)
    {
        var g = terminal.MapGroup("/campaigns");
        var office = g.MapGroup("").RequireAuthorization(Permissions.CampaignsPublish);
        office.MapGet("", async ([AsParameters] CampaignQuery q, ListCampaigns u, CancellationToken ct) => (await u.HandleAsync(q, ct)).ToHttp())
            .WithName("ListCampaigns").WithSummary("本辖区发布的专项工作及其进度（可按状态、名称筛选）");
        office.MapPost("", async (PublishCampaignRequest r, PublishCampaign u, CancellationToken ct) => (await u.HandleAsync(r, ct)).ToHttp())
            .WithName("PublishCampaign").WithSummary("发布专项工作（街道、社区）：按网格或按地址，每个对象生成一项任务");
        office.MapGet("/{id:long}", async (long id, GetCampaign u, CancellationToken ct) => (await u.HandleAsync(id, ct)).ToHttp())
            .WithName("GetCampaign").WithSummary("专项工作详情：按网格、按网格员的进度");
        office.MapPost("/{id:long}/close", async (long id, CloseCampaignRequest r, CloseCampaign u, CancellationToken ct) => (await u.HandleAsync(id, r, ct)).ToHttp())
            .WithName("CloseCampaign").WithSummary("提前结束专项工作（须带版本号，已被他人修改时返回 409）");
        office.MapGet("/{id:long}/tasks", async (long id, [AsParameters] CampaignTaskQuery q, ListCampaignTasks u, CancellationToken ct) => (await u.HandleAsync(id, q, ct)).ToHttp())
            .WithName("ListCampaignTasks").WithSummary("专项工作的任务列表（可按网格、状态筛选）");
        office.MapGet("/{id:long}/tasks/export", async (long id, [AsParameters] CampaignTaskQuery q, ExportCampaignTasks u, CancellationToken ct) => await u.HandleAsync(id, q, ct))
            .WithName("ExportCampaignTasks").WithSummary("导出专项工作的任务及检查结果（Excel）");
        office.MapGet("/targets/grids", async (CampaignTargets u, CancellationToken ct) => (await u.GridsAsync(ct)).ToHttp())
            .WithName("ListCampaignGrids").WithSummary("可作为专项工作对象的网格（本单位辖区）");
        office.MapGet("/targets/communities", async (CampaignTargets u, CancellationToken ct) => (await u.CommunitiesAsync(ct)).ToHttp())
            .WithName("ListCampaignCommunities").WithSummary("本单位辖区的社区（按地址发布时先选社区）");
        office.MapGet("/targets/addresses", async (long community, AddressKind kind, CampaignTargets u, CancellationToken ct) => (await u.AddressesAsync(community, kind, ct)).ToHttp())
            .WithName("ListCampaignAddresses").WithSummary("社区内某一层级的标准地址（小区/街路巷、楼栋或单元）");

        g.MapGet("/tasks", async (ListMyTasks u, CancellationToken ct) => (await u.HandleAsync(ct)).ToHttp())
            .WithName("ListMyCampaignTasks").WithSummary("本人辖区内进行中的专项工作及待完成的任务");
        g.MapGet("/tasks/{id:long}", async (long id, GetTask u, CancellationToken ct) => (await u.HandleAsync(id, ct)).ToHttp())
            .WithName("GetCampaignTask").WithSummary("专项任务及其检查清单");
        g.MapPost("/tasks/{id:long}/done", async (long id, CompleteTaskRequest r, CompleteTask u, CancellationToken ct) => (await u.HandleAsync(id, r, ct)).ToHttp())
            .WithName("CompleteCampaignTask").WithSummary("完成专项任务：逐项检查结果、情况说明、照片与位置（同一 X-Client-Id 只写入一次）");
        g.MapGet("/tasks/{id:long}/photos/{photo}", async (long id, string photo, GetTaskPhoto u, HttpResponse response, CancellationToken ct) =>
        {
            if ((await u.HandleAsync(id, photo, ct)).Value is not { } p) return (IResult)TypedResults.NotFound();
            response.Headers.XContentTypeOptions = "nosniff";
            Infrastructure.Web.SecurityHeaders.Sandbox(response.HttpContext);
            return TypedResults.File(p.Open(), p.ContentType, enableRangeProcessing: true, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{p.Id}\""));
        }).WithName("GetCampaignTaskPhoto").WithSummary("专项任务的照片");
    }
}
