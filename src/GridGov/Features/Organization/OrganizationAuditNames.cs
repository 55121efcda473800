using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Places;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Organization;

// How units and departments read in the audit log: 组织「梅园新村街道」, 部门「区城管局」.
sealed class OrganizationAuditNames : AuditNames
{
    public override IEnumerable<AuditEntity> Entities() =>
    [
        new(nameof(OrgUnit), "组织")
        {
            Properties = new Dictionary<string, string>
            {
                ["Code"] = "区划代码", ["Name"] = "名称", ["Level"] = "层级", ["ParentCode"] = "上级代码", ["GridCode"] = "网格编码",
                ["Boundary"] = "边界", ["BoundaryGenerated"] = "边界为生成", ["LabelLon"] = "标注经度", ["LabelLat"] = "标注纬度", ["AreaKm2"] = "面积（平方公里）",
            }.Concat(Enum.GetValues<OrgLevel>().Select(l => KeyValuePair.Create(l.ToString(), OrgCode.LevelName(l) + "数"))).ToDictionary(),
            Values = new() { ["Level"] = v => Enum.TryParse<OrgLevel>(v, out var l) ? OrgCode.LevelName(l) : null },
            Resolve = UnitsAsync,
            Search = async (db, text, ct) => await db.Set<OrgUnit>().IgnoreQueryFilters().AsNoTracking()
                .Where(u => u.Name.Contains(text)).Select(u => u.Code.ToString()).Take(500).ToListAsync(ct),
        },
        new(nameof(Department), "部门")
        {
            Properties = new() { ["Id"] = "编号", ["Name"] = "名称", ["Kind"] = "类型", ["OrgUnitCode"] = "所属单位", ["GridCode"] = "网格编码", ["departments"] = "部门数" },
            Resolve = DepartmentsAsync,
            Search = async (db, text, ct) => await db.Set<Department>().IgnoreQueryFilters().AsNoTracking()
                .Where(d => d.Name.Contains(text)).Select(d => d.Id.ToString()).Take(500).ToListAsync(ct),
        },
    ];

    static async Task<Dictionary<string, string>> UnitsAsync(GridDbContext db, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var codes = keys.Select(k => long.TryParse(k, out var c) ? c : -1).Where(c => c >= 0).Distinct().ToList();
        return await db.Set<OrgUnit>().IgnoreQueryFilters().AsNoTracking().Where(u => codes.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code.ToString(), u => u.Name, ct);
    }

    static async Task<Dictionary<string, string>> DepartmentsAsync(GridDbContext db, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var ids = keys.Select(k => long.TryParse(k, out var c) ? c : -1).Where(c => c >= 0).Distinct().ToList();
        return await db.Set<Department>().IgnoreQueryFilters().AsNoTracking().Where(d => ids.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id.ToString(), d => d.Name, ct);
    }
}
