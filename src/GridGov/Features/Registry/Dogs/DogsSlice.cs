using GridGov.Infrastructure.Import;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Registry.Dogs;

// The dogs part of the registry: its use cases and its endpoints under /api/v1/registry.
static class DogsSlice
{
    public static IServiceCollection AddDogs(this IServiceCollection services)
    {
        services.AddScoped<ListDogs>();
        services.AddScoped<SaveDog>();
        services.AddScoped<ExportDogs>();
        services.AddSingleton<IImportTarget, DogsImport>();
        return services;
    }

    public static void MapDogs(this RouteGroupBuilder registry)
    {
        var g = registry.MapGroup("/dogs");
        g.MapGet("", async ([AsParameters] DogQuery q, ListDogs u, CancellationToken ct) => (await u.HandleAsync(q, ct)).ToHttp())
            .WithName("ListDogs").WithSummary("养犬登记列表（可按单位、大型犬/烈性犬、登记证或疫苗到期提醒筛选）");
        g.MapGet("/counts", async (long? unit, ListDogs u, CancellationToken ct) => (await u.CountAsync(unit, ct)).ToHttp())
            .WithName("CountDogs").WithSummary("本辖区犬只数、大型犬/烈性犬数、登记证与疫苗 30 天内到期或已过期数");
        g.MapGet("/export", async ([AsParameters] DogQuery q, ExportDogs u, CancellationToken ct) => await u.HandleAsync(q, ct))
            .WithName("ExportDogs").WithSummary("按当前条件导出养犬登记（全部页，Excel）");
        g.MapGet("/{id:long}", async (long id, ListDogs u, CancellationToken ct) => (await u.GetAsync(id, ct)).ToHttp())
            .WithName("GetDog").WithSummary("犬只登记详情");
        g.MapPost("", async (DogRequest r, SaveDog u, CancellationToken ct) => (await u.CreateAsync(r, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryEdit).WithName("CreateDog").WithSummary("登记犬只（犬主须为本辖区人员；登记证号重复时返回 409）");
        g.MapPut("/{id:long}", async (long id, DogRequest r, SaveDog u, CancellationToken ct) => (await u.EditAsync(id, r, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryEdit).WithName("EditDog").WithSummary("修改犬只登记（须带版本号，已被他人修改时返回 409）");
    }
}
