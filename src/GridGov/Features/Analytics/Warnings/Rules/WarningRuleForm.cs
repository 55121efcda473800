using GridGov.Features.Organization;
using GridGov.Features.Tickets.Categories;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Analytics.Warnings;

// The checks of a rule to add or change, every field in Chinese, and the rule as the list shows it.
// Each kind reads only its parameters (docs/early-warning.md); the others are cleared.
public sealed class WarningRuleForm(GridDbContext db, CategoryCatalog categories, Places places)
{
    public async Task<Dictionary<string, string[]>> CheckAsync(SaveWarningRule r, long? self, WarningRule into, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        void Need(bool ok, string field, string message) { if (!ok && !errors.ContainsKey(field)) errors[field] = [message]; }
        var name = r.Name?.Trim() ?? "";
        Need(name.Length > 0, "name", "请填写规则名称");
        Need(name.Length <= 50, "name", "规则名称不能超过 50 字");
        if (name.Length > 0 && await db.WarningRules.AnyAsync(x => x.Name == name && x.Id != self, ct)) Need(false, "name", $"已有名为“{name}”的规则");
        Need(r.Kind is not null, "kind", "请选择预警类型");
        if (r.AreaCode is { } area && !await db.OrgUnits.AnyAsync(u => u.Code == area, ct)) Need(false, "areaCode", $"区域 {area} 不存在");
        var code = string.IsNullOrWhiteSpace(r.CategoryCode) ? null : r.CategoryCode.Trim().ToUpperInvariant();
        if (code is not null) Need(categories.Find(code) is not null, "categoryCode", $"事件分类“{code}”不存在");
        var kind = r.Kind ?? WarningKind.Threshold;
        var counted = kind is WarningKind.Threshold or WarningKind.Spike;
        if (counted && r.GroupLevel is { } level)
        {
            var areaLevel = r.AreaCode is { } a ? OrgCode.LevelOf(a) ?? OrgLevel.City : OrgLevel.City;
            Need(level > areaLevel, "groupLevel", $"分组层级须低于规则区域（{OrgCode.LevelName(areaLevel)}）");
        }
        var (min, max) = kind == WarningKind.Spike ? (1, 1000) : (2, kind == WarningKind.DeadlineWave ? 10_000 : 1000);
        Need(r.MinCount is { } n && n >= min && n <= max, "minCount", $"件数须在 {min}–{max} 之间");
        if (kind != WarningKind.Spike)
        {
            var hours = kind == WarningKind.Threshold ? 720 : 168;
            Need(r.WindowHours is { } h && h >= 1 && h <= hours, "windowHours", $"时间窗须在 1–{hours} 小时之间");
        }
        if (kind == WarningKind.Cluster) Need(r.RadiusMeters is >= 10 and <= 5000, "radiusMeters", "半径须在 10–5000 米之间");
        if (kind == WarningKind.Spike)
        {
            Need(r.Method is not null, "method", "请选择突增检测方法（C1、C2 或 C3）");
            Need(r.Limit is null or (>= 0.5 and <= 10), "limit", "统计量阈值须在 0.5–10 之间");
            Need(r.MinSigma is null or (>= 0 and <= 100), "minSigma", "标准差下限须在 0–100 之间");
        }
        if (errors.Count > 0) return errors;

        (into.Name, into.Kind, into.AreaCode, into.CategoryCode, into.MinCount) = (name, kind, r.AreaCode, code, r.MinCount!.Value);
        into.GroupLevel = counted ? r.GroupLevel : null;
        into.WindowHours = kind == WarningKind.Spike ? 24 : r.WindowHours!.Value;
        into.RadiusMeters = kind == WarningKind.Cluster ? r.RadiusMeters : null;
        into.Method = kind == WarningKind.Spike ? r.Method : null;
        into.Limit = kind == WarningKind.Spike ? r.Limit ?? Ears.DefaultLimit(r.Method!.Value) : null;
        into.MinSigma = kind == WarningKind.Spike ? r.MinSigma ?? 1 : null;
        into.Enabled = r.Enabled ?? true;
        return errors;
    }

    public async Task<WarningRuleDto> DtoAsync(WarningRule r, int warnings, CancellationToken ct) => new(r.Id, r.Name, r.Kind, WarningNames.Kind(r.Kind), r.AreaCode,
        r.AreaCode is { } a ? await places.NameAsync(a, ct) ?? a.ToString() : "全市", r.CategoryCode,
        r.CategoryCode is { } c ? categories.Find(c) is { } cat ? $"{cat.Code} {cat.Name}" : c : "全部分类",
        r.GroupLevel, r.MinCount, r.WindowHours, r.RadiusMeters, r.Method, r.Limit, r.MinSigma, r.Enabled, Parameters(r), r.UpdatedAt, r.Version, warnings);

    public static string Parameters(WarningRule r) => r.Kind switch
    {
        WarningKind.Threshold => $"{WarningNames.Level(r.GroupLevel)} {r.WindowHours} 小时内 ≥ {r.MinCount} 件",
        WarningKind.Spike => $"{WarningNames.Level(r.GroupLevel)}按 {WarningNames.Method(r.Method ?? SpikeMethod.C2)}，统计量 > {r.Limit:0.##}，" +
            $"标准差下限 {r.MinSigma:0.##}，当日 ≥ {r.MinCount} 件",
        WarningKind.Cluster => $"{r.RadiusMeters} 米内、{r.WindowHours} 小时内相似事件 ≥ {r.MinCount} 件",
        _ => $"同一主办部门 {r.WindowHours} 小时内到期 ≥ {r.MinCount} 件",
    };
}
