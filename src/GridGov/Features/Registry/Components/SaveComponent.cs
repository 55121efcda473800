using GridGov.Features.Organization;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Components;

// Registering a component and editing it. Its grid is where its point lies (Places), and that grid must
// be in the caller's area; its maintaining department must serve that grid (a department of the grid's
// street, district or city) or be in the caller's area. The object code is made once, on registration:
// the class's four digits, the 15-digit grid code and a four-digit serial (23 characters, unique).
public sealed class SaveComponent(GridDbContext db, ComponentClasses classes, Places places, CurrentUser user, ListComponents list, TimeProvider clock)
{
    public async Task<Result<ComponentRow>> CreateAsync(ComponentRequest r, CancellationToken ct = default)
    {
        var (grid, errors) = await CheckAsync(r, ct);
        if (errors.Count > 0) return Result<ComponentRow>.Invalid(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var c = new Component { Source = RecordSource.Collected, State = VerificationState.Verified, StateAt = now, StateById = user.UserId, StateByName = user.DisplayName, CreatedAt = now };
        Apply(c, r, grid, now);
        c.Code = await NextCodeAsync(db, c.ClassCode, grid, ct);
        db.Add(c);
        await db.SaveChangesAsync(ct);
        var row = await list.GetAsync(c.Id, ct);
        return row.Succeeded ? Result<ComponentRow>.Created(row.Value!, $"/api/v1/registry/components/{c.Id}") : row;
    }

    public async Task<Result<ComponentRow>> EditAsync(long id, ComponentRequest r, CancellationToken ct = default)
    {
        var c = await db.Set<Component>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (c is null) return Result<ComponentRow>.NotFound();
        if (r.Version is { } v && v != c.Version)
            return Result<ComponentRow>.Conflict("该部件已被他人修改，请刷新后再保存", extensions: new Dictionary<string, object?> { ["version"] = c.Version });
        var (grid, errors) = await CheckAsync(r, ct);
        if (errors.Count > 0) return Result<ComponentRow>.Invalid(errors);
        Apply(c, r, grid, clock.GetUtcNow().UtcDateTime);
        c.Version++;
        await db.SaveChangesAsync(ct);
        return await list.GetAsync(c.Id, ct);
    }

    void Apply(Component c, ComponentRequest r, long grid, DateTime now)
    {
        c.ClassCode = classes.Resolve(r.ClassCode)!.Code;
        c.Name = Trim(r.Name);
        c.Condition = r.Condition;
        c.DepartmentId = r.DepartmentId;
        c.OwnerName = Trim(r.OwnerName);
        c.Lon = Math.Round(r.Lon!.Value, 7);
        c.Lat = Math.Round(r.Lat!.Value, 7);
        c.Location = Trim(r.Location);
        c.InstalledOn = r.InstalledOn;
        c.CheckedOn = r.CheckedOn;
        c.GridCode = grid;
        c.UpdatedAt = now;
    }

    async Task<(long Grid, Dictionary<string, string[]> Errors)> CheckAsync(ComponentRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (classes.Resolve(r.ClassCode) is null) errors["classCode"] = [$"部件类别“{r.ClassCode}”不存在，请选择部件小类（如 C0101 上水井盖）"];
        if (!Enum.IsDefined(r.Condition)) errors["condition"] = ["部件状态应为 完好、损坏、丢失、占用 或 废弃"];
        if (r.Name?.Trim().Length > 60) errors["name"] = ["名称不能超过 60 个字"];
        if (r.OwnerName?.Trim().Length > 100) errors["ownerName"] = ["权属单位不能超过 100 个字"];
        if (r.Location?.Trim().Length > 200) errors["location"] = ["位置描述不能超过 200 个字"];
        if (r.InstalledOn is { } i && r.CheckedOn is { } k && k < i) errors["checkedOn"] = ["最近检查日期不能早于设置日期"];
        var (grid, pointError) = await GridOfAsync(places, user.Scope, r.Lon, r.Lat, ct);
        if (pointError is not null) errors[r.Lon is null ? "lon" : pointError.Contains("同时") ? "lat" : "lon"] = [pointError];
        if (r.DepartmentId is { } d && grid != 0 && await DepartmentErrorAsync(db, places, user.Scope, d, grid, ct) is { } why) errors["departmentId"] = [why];
        return (grid, errors);
    }

    // The grid of a point in the scope, or the Chinese reason why there is none.
    internal static async Task<(long Grid, string? Error)> GridOfAsync(Places places, DataScope scope, double? lon, double? lat, CancellationToken ct)
    {
        if (lon is null || lat is null) return (0, lon is null && lat is null ? "请填写部件位置的经度和纬度" : "经度和纬度须同时填写");
        if (lon is < -180 or > 180 || lat is < -90 or > 90 || !double.IsFinite(lon.Value) || !double.IsFinite(lat.Value)) return (0, "经纬度超出范围");
        if (await places.GridAtAsync(lon.Value, lat.Value, ct) is not { } grid) return (0, $"位置（{lon:F6}, {lat:F6}）不在任何网格内，请核对经纬度");
        if (!scope.Contains(grid)) return (0, $"位置（{lon:F6}, {lat:F6}）所在网格不在您的管理范围内");
        return (grid, null);
    }

    internal static async Task<string?> DepartmentErrorAsync(GridDbContext db, Places places, DataScope scope, long id, long grid, CancellationToken ct)
    {
        var d = await db.Set<Department>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return "养护部门不存在";
        var path = (await places.PathAsync(grid, ct)).Select(p => p.Code);
        return path.Contains(d.OrgUnitCode) || scope.Contains(d.GridCode) ? null : $"“{d.Name}”不负责部件所在地，请选择本街道、本区或本市的部门";
    }

    // The next free object code of the class in the grid (codes are unique city-wide: the lookup ignores the scope).
    internal static async Task<string> NextCodeAsync(GridDbContext db, string classCode, long grid, CancellationToken ct)
    {
        var prefix = classCode[1..] + grid;
        var last = await db.Set<Component>().IgnoreQueryFilters().Where(c => c.Code.StartsWith(prefix)).OrderByDescending(c => c.Code).Select(c => c.Code).FirstOrDefaultAsync(ct);
        var serial = last is not null && int.TryParse(last[prefix.Length..], out var n) ? n + 1 : 1;
        return prefix + serial.ToString("0000");
    }

    static string? Trim(string? s) => s?.Trim() is { Length: > 0 } t ? t : null;
}
