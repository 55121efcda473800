using GridGov.Infrastructure.Import;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Registry.Units;

// The units part of the registry: its use cases and its endpoints under /api/v1/registry.
static class UnitsSlice
{
    public static IServiceCollection AddUnits(this IServiceCollection services)
    {
        services.AddSingleton<UnitPlaces>();
        services.AddSingleton<IImportTarget, UnitsImport>();
        services.AddScoped<ListUnits>();
        services.AddScoped<GetUnit>();
        services.AddScoped<UnitValidation>();
        services.AddScoped<CreateUnit>();
        services.AddScoped<UpdateUnit>();
        services.AddScoped<RevealUnit>();
        services.AddScoped<ExportUnits>();
        return services;
    }

    public static void MapUnits(this RouteGroupBuilder registry)
    {
        var g = registry.MapGroup("/units");
        g.MapGet("", async ([AsParameters] UnitQuery q, ListUnits u, CancellationToken ct) => (await u.HandleAsync(q, ct)).ToHttp())
            .WithName("ListUnits").WithSummary("实有单位列表（按名称或统一社会信用代码查找；号码脱敏）");
        g.MapGet("/export", async ([AsParameters] UnitQuery q, ExportUnits u, CancellationToken ct) => await u.HandleAsync(q, ct))
            .WithName("ExportUnits").WithSummary("按当前条件导出实有单位（全部页，Excel；号码脱敏）");
        g.MapGet("/{id:long}", async (long id, GetUnit u, CancellationToken ct) => (await u.HandleAsync(id, ct)).ToHttp())
            .WithName("GetUnit").WithSummary("单位详情（地址、党组织情况；号码脱敏）");
        g.MapPost("", async (SaveUnitRequest r, CreateUnit u, CancellationToken ct) => (await u.HandleAsync(r, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryEdit).WithName("CreateUnit").WithSummary("新增单位（统一社会信用代码、法定代表人证件号码按国家标准校验）");
        g.MapPut("/{id:long}", async (long id, SaveUnitRequest r, UpdateUnit u, CancellationToken ct) => (await u.HandleAsync(id, r, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryEdit).WithName("UpdateUnit").WithSummary("修改单位（须带读取时的版本号 version，已被他人修改时返回 409）");
        g.MapPost("/{id:long}/reveal", async (long id, RevealUnit u, CancellationToken ct) => (await u.HandleAsync(id, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryUnmask)
            .WithName("RevealUnit").WithSummary("查看单位法定代表人的完整证件号码与电话（需相应权限，逐次记入审计）");
    }
}
