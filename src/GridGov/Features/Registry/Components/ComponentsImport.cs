using GridGov.Features.Organization;
using GridGov.Features.Registry.Permits;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Components;

// 部件 through the import pipeline: the class by code or name, the point placed in its grid (which must
// be in the uploader's area), the department by its name among those serving that grid. A row with a
// known object code updates that component; any other row registers a new one with a new code.
sealed class ComponentsImport(ComponentClasses classes, Places places, TimeProvider clock) : IImportTarget
{
    public const string Code = "部件编码", Class = "类别", ItemName = "名称", Lon = "经度", Lat = "纬度", State = "状态", Department = "养护部门",
        Owner = "权属单位", Location = "位置描述", Installed = "设置日期", Checked = "最近检查日期";

    public string Key => "components";
    public string Name => "部件";
    public string EntityType => nameof(Component);

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new(Class, true, "部件小类的代码或名称（部件分类见事件分类字典，如 C0101 或 上水井盖）", "上水井盖", "部件类别", "小类"),
        new(Lon, true, "WGS84 经度（小数）", "118.7969", "X"),
        new(Lat, true, "WGS84 纬度（小数）", "32.0478", "Y"),
        new(State, false, "完好、损坏、丢失、占用或废弃（不填为完好）", "完好", "部件状态"),
        new(Department, false, "养护部门的全称（本街道、本区或本市的部门）", "梅园新村街道城管中队", "主管部门"),
        new(Owner, false, "最多 100 个字", "南京水务集团", "权属单位名称"),
        new(Location, false, "最多 200 个字", "长江路与太平北路路口东北角", "位置"),
        new(ItemName, false, "最多 60 个字", "", "部件名称"),
        new(Installed, false, "YYYY-MM-DD", "2020-05-01", "设置时间"),
        new(Checked, false, "YYYY-MM-DD", "2025-05-01", "检查日期"),
        new(Code, false, "已登记部件的编码（更新时填写；新登记的部件不填，由系统编码）", "", "部件标识码", "编码"),
    ];

    static readonly Dictionary<string, ComponentState> States = Enum.GetValues<ComponentState>().ToDictionary(ComponentNames.Condition);

    public async Task<IReadOnlyList<RowOutcome>> WriteAsync(ImportContext context, IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        var db = context.Db;
        var codes = rows.Select(r => r[Code]).Where(c => c.Length > 0).Distinct().ToList();
        var known = await db.Set<Component>().IgnoreQueryFilters().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, ct);
        var departments = (Dictionary<string, List<Department>>)(context.RunState.TryGetValue(nameof(Department), out var d) ? d
            : context.RunState[nameof(Department)] = (await db.Set<Department>().IgnoreQueryFilters().AsNoTracking().ToListAsync(ct)).GroupBy(x => x.Name).ToDictionary(g => g.Key, g => g.ToList()));
        var serials = (Dictionary<string, int>)(context.RunState.TryGetValue("serials", out var s) ? s : context.RunState["serials"] = new Dictionary<string, int>());
        var now = clock.GetUtcNow().UtcDateTime;
        var inserts = new List<Component>();
        var outcomes = new List<RowOutcome>(rows.Count);
        foreach (var row in rows)
        {
            var problems = new List<RowProblem>();
            var cls = classes.Resolve(row[Class]);
            if (cls is null) problems.Add(new(Class, row[Class].Length == 0 ? "必填" : $"“{row[Class]}”不是部件小类的代码或名称"));
            double? Number(string field)
            {
                if (row[field].Length == 0) { problems.Add(new(field, "必填")); return null; }
                if (double.TryParse(row[field], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v)) return v;
                problems.Add(new(field, $"“{row[field]}”不是数字"));
                return null;
            }
            var (lon, lat) = (Number(Lon), Number(Lat));
            long grid = 0;
            if (lon is not null && lat is not null)
            {
                var (g, why) = await SaveComponent.GridOfAsync(places, context.Scope, lon, lat, ct);
                if (why is not null) problems.Add(new(Lon, why)); else grid = g;
            }
            var state = ComponentState.Intact;
            if (row[State].Length > 0 && !States.TryGetValue(row[State], out state)) problems.Add(new(State, $"“{row[State]}”应为 完好、损坏、丢失、占用 或 废弃"));
            long? departmentId = null;
            if (row[Department].Length > 0 && grid != 0)
            {
                var path = (await places.PathAsync(grid, ct)).Select(p => p.Code).ToHashSet();
                var match = departments.GetValueOrDefault(row[Department])?.FirstOrDefault(x => path.Contains(x.OrgUnitCode) || context.Scope.Contains(x.GridCode));
                if (match is null) problems.Add(new(Department, $"没有名为“{row[Department]}”的部门负责该位置（请填写本街道、本区或本市部门的全称）"));
                else departmentId = match.Id;
            }
            string? Text(string field, int max)
            {
                var v = row[field];
                if (v.Length > max) problems.Add(new(field, $"不能超过 {max} 个字（现为 {v.Length} 个）"));
                return v.Length == 0 ? null : v;
            }
            var (owner, location, name) = (Text(Owner, 100), Text(Location, 200), Text(ItemName, 60));
            var installed = RowDate.Parse(row, Installed, false, problems);
            var checkedOn = RowDate.Parse(row, Checked, false, problems);
            Component? existing = null;
            if (row[Code].Length > 0 && (!known.TryGetValue(row[Code], out existing) || !context.Scope.Contains(existing.GridCode)))
                problems.Add(new(Code, "没有此编码的部件（或不在您的数据范围内）；新登记的部件请不填编码"));
            if (problems.Count > 0) { outcomes.Add(new(row.Number, RowResult.Rejected, problems)); continue; }

            var c = existing ?? new Component
            {
                Source = RecordSource.Imported, SourceSystem = context.Batch.SourceSystem, ImportBatchId = context.Batch.Id, State = VerificationState.Pending, CreatedAt = now,
            };
            var before = (c.ClassCode, c.Condition, c.DepartmentId, c.OwnerName, c.Lon, c.Lat, c.Location, c.Name, c.InstalledOn, c.CheckedOn, c.GridCode);
            (c.ClassCode, c.Condition, c.DepartmentId, c.OwnerName, c.Lon, c.Lat, c.Location, c.Name, c.InstalledOn, c.CheckedOn, c.GridCode) =
                (cls!.Code, state, departmentId, owner, Math.Round(lon!.Value, 7), Math.Round(lat!.Value, 7), location, name, installed, checkedOn, grid);
            if (existing is not null)
            {
                var changed = before != (c.ClassCode, c.Condition, c.DepartmentId, c.OwnerName, c.Lon, c.Lat, c.Location, c.Name, c.InstalledOn, c.CheckedOn, c.GridCode);
                if (changed) { c.UpdatedAt = now; c.ImportBatchId = context.Batch.Id; c.Version++; }
                outcomes.Add(new(row.Number, changed ? RowResult.Updated : RowResult.Unchanged, [], c.GridCode));
                continue;
            }
            var prefix = cls.Digits + grid;
            if (!serials.TryGetValue(prefix, out var next))
                next = int.Parse((await SaveComponent.NextCodeAsync(db, cls.Code, grid, ct))[prefix.Length..]);
            serials[prefix] = next + 1;
            c.Code = prefix + next.ToString("0000");
            c.UpdatedAt = now;
            inserts.Add(c);
            outcomes.Add(new(row.Number, RowResult.Inserted, [], c.GridCode));
        }
        if (inserts.Count > 0)
        {
            await using var writer = new BulkWriter<Component>(db);
            await writer.InsertManyAsync(inserts, ct);
        }
        return outcomes;
    }
}
