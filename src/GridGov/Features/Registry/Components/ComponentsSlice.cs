using GridGov.Infrastructure.Import;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Registry.Components;

// The components part of the registry: its use cases and its endpoints under /api/v1/registry.
static class ComponentsSlice
{
    public static IServiceCollection AddComponents(this IServiceCollection services)
    {
        services.AddSingleton<ComponentClasses>();
        services.AddScoped<ListComponents>();
        services.AddScoped<SaveComponent>();
        services.AddScoped<ExportComponents>();
        services.AddSingleton<IImportTarget, ComponentsImport>();
        return services;
    }

    public static void MapComponents(this RouteGroupBuilder registry)
    {
        var g = registry.MapGroup("/components");
        g.MapGet("", async ([AsParameters] ComponentQuery q, ListComponents u, CancellationToken ct) => (await u.HandleAsync(q, ct)).ToHttp())
            .WithName("ListComponents").WithSummary("部件列表（可按类别（大类或小类）、部件状态、单位、养护部门筛选）");
        g.MapGet("/counts", async (long? unit, ListComponents u, CancellationToken ct) => (await u.CountAsync(unit, ct)).ToHttp())
            .WithName("CountComponents").WithSummary("本辖区部件数：按大类和部件状态");
        g.MapGet("/classes", (ComponentClasses c) => TypedResults.Ok(c.All.Select(x => new ComponentOption(x.Code, x.Name, x.Major)).ToList()))
            .WithName("ListComponentClasses").WithSummary("部件类别（GB/T 30428.2 大类与小类，与事件分类字典一致）");
        g.MapGet("/departments", async (ListComponents u, CancellationToken ct) => TypedResults.Ok(await u.DepartmentsAsync(ct)))
            .WithName("ListComponentDepartments").WithSummary("可选的养护部门（本单位、上级单位和下级单位的职能部门）");
        g.MapGet("/points", async ([AsParameters] ComponentQuery q, double? minLon, double? minLat, double? maxLon, double? maxLat, ListComponents u, CancellationToken ct) =>
                (await u.PointsAsync(q, minLon, minLat, maxLon, maxLat, ct)).ToHttp())
            .WithName("ComponentPoints").WithSummary($"范围内部件点位（GeoJSON，最多 2000 个，超出时 truncated 为 true）");
        g.MapGet("/export", async ([AsParameters] ComponentQuery q, ExportComponents u, CancellationToken ct) => await u.HandleAsync(q, ct))
            .WithName("ExportComponents").WithSummary("按当前条件导出部件（全部页，Excel）");
        g.MapGet("/{id:long}", async (long id, ListComponents u, CancellationToken ct) => (await u.GetAsync(id, ct)).ToHttp())
            .WithName("GetComponent").WithSummary("部件详情");
        g.MapPost("", async (ComponentRequest r, SaveComponent u, CancellationToken ct) => (await u.CreateAsync(r, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryEdit).WithName("CreateComponent").WithSummary("登记部件（位置须在本辖区网格内；部件编码自动生成）");
        g.MapPut("/{id:long}", async (long id, ComponentRequest r, SaveComponent u, CancellationToken ct) => (await u.EditAsync(id, r, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryEdit).WithName("EditComponent").WithSummary("修改部件（须带版本号，已被他人修改时返回 409）");
    }
}
