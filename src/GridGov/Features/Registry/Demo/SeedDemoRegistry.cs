using GridGov.Features.Organization;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Demo;

// First start: the demo city's registry (GridGov:DemoRegistry: "district" — the first district, the
// default; "community" — the first community only; "none"), thinned by GridGov:DemoRegistryScale
// (default 0.3 of a real district's density, so the first start stays a matter of seconds).
public sealed class SeedDemoRegistry(GridDatabase database, RegistryGenerator generator, IConfiguration config)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var extent = config["GridGov:DemoRegistry"] ?? "district";
        if (extent == "none") return;
        List<long> communities;
        await using (var db = database.CreateUnscoped(AuditActor.System))
        {
            if (await db.Set<Addresses.Address>().AnyAsync(ct)) return;
            var district = await db.OrgUnits.Where(u => u.Level == OrgLevel.District).OrderBy(u => u.Code).Select(u => (long?)u.Code).FirstOrDefaultAsync(ct);
            if (district is null) return;
            var (from, to) = (district.Value * 1_000_000, (district.Value + 1) * 1_000_000 - 1);
            communities = await db.OrgUnits.Where(u => u.Level == OrgLevel.Community && u.Code >= from && u.Code <= to)
                .OrderBy(u => u.Code).Select(u => u.Code).ToListAsync(ct);
        }
        if (extent == "community") communities = [.. communities.Take(1)];
        var scale = config.GetValue("GridGov:DemoRegistryScale", 0.3);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var counts = await generator.FillAsync(communities, scale, seed: 20261204, ct);
        Console.WriteLine($"  已生成示范基础信息：{counts.Communities} 个社区，地址 {counts.Addresses} 条，房屋 {counts.Houses} 套，人口 {counts.People} 人（{started.Elapsed.TotalSeconds:0.0} 秒）");
    }
}
