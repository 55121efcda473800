using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Organization;

// The usual functional departments of a Chinese city, district and street, created for a city that
// has none yet (the demo city on first start). Real cities rename, add or remove them.
public static class SeedDepartments
{
    static readonly (string Kind, string Name)[] CityAndDistrict =
    [
        ("城管", "城市管理局"), ("公安", "公安局"), ("民政", "民政局"), ("人社", "人力资源和社会保障局"),
        ("卫健", "卫生健康委员会"), ("残联", "残疾人联合会"), ("司法", "司法局"), ("住建", "住房和城乡建设局"),
        ("市场监管", "市场监督管理局"), ("生态环境", "生态环境局"), ("应急管理", "应急管理局"), ("水务", "水务局"),
        ("园林", "绿化园林局"),
    ];

    static readonly (string Kind, string Name)[] Street =
    [
        ("城管", "城管中队"), ("公安", "派出所"), ("民政", "社会事务办"), ("应急管理", "安全生产办"),
    ];

    public static async Task<int> ForCityAsync(GridDbContext db, long cityCode, CancellationToken ct = default)
    {
        var (from, to) = OrgCode.Subtree(cityCode);
        if (await db.Departments.AnyAsync(d => d.GridCode >= from && d.GridCode <= to, ct)) return 0;
        var units = await db.OrgUnits.AsNoTracking()
            .Where(u => u.GridCode >= from && u.GridCode <= to && (u.Level == OrgLevel.City || u.Level == OrgLevel.District || u.Level == OrgLevel.Street))
            .Select(u => new { u.Code, u.Name, u.Level, u.GridCode }).ToListAsync(ct);
        var departments = units.SelectMany(u => (u.Level == OrgLevel.Street ? Street : CityAndDistrict)
            .Select(d => new Department { Name = u.Name + d.Name, Kind = d.Kind, OrgUnitCode = u.Code, GridCode = u.GridCode })).ToList();
        db.AuditSummary = new AuditSummary("Import", nameof(Department), cityCode.ToString(), OrgCode.Pad(cityCode), $"{{\"departments\":{departments.Count}}}");
        db.Departments.AddRange(departments);
        await db.SaveChangesAsync(ct);
        return departments.Count;
    }
}
