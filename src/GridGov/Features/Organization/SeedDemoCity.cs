using GridGov.Features.Organization.Import;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Organization;

// First start: the demo city from the shipped data (GridGov:DemoCity, default 3201 Nanjing; 0 for
// none) and the usual functional departments of a city, its districts and streets.
public sealed class SeedDemoCity(GridDatabase database, ImportCity import, IConfiguration config, ILogger<SeedDemoCity> log)
{
    // True when the city was imported now (the first start), not found from an earlier start.
    public async Task<bool> RunAsync(CancellationToken ct)
    {
        var cityCode = config.GetValue<long?>("GridGov:DemoCity") ?? 3201;
        if (cityCode <= 0) return false;
        var imported = await ImportAsync(cityCode, ct);
        await using (var db = database.CreateUnscoped(AuditActor.System))
            if (await db.OrgUnits.AnyAsync(u => u.Code == cityCode, ct) && await SeedDepartments.ForCityAsync(db, cityCode, ct) is > 0 and var n)
                Console.WriteLine($"  已建立示范职能部门 {n} 个");
        return imported;
    }

    async Task<bool> ImportAsync(long cityCode, CancellationToken ct)
    {
        await using (var db = database.CreateUnscoped(AuditActor.System))
            if (await db.OrgUnits.AnyAsync(ct)) return false;
        var data = Path.Combine(AppContext.BaseDirectory, "data");
        var slice = Directory.GetDirectories(Path.Combine(data, "divisions"), $"*-{cityCode}").FirstOrDefault();
        var boundaries = Directory.GetFiles(Path.Combine(data, "boundaries"), $"*-{cityCode}-*.geojson").FirstOrDefault();
        if (slice is null || boundaries is null)
        {
            log.LogWarning("没有示范城市 {City} 的随附数据，本次启动不导入城市", cityCode);
            return false;
        }
        Console.WriteLine($"首次启动：正在导入示范城市 {cityCode} …");
        var report = await import.RunAsync(new ImportCityRequest(cityCode, slice, boundaries), AuditActor.System, ct);
        foreach (var line in report.Lines()) Console.WriteLine("  " + line);
        return report.Succeeded;
    }
}
