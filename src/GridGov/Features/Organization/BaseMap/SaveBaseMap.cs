using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.Text;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Organization.BaseMap;

// 地图设置: the city's base map. A city-wide setting (ADR 0009): only an account whose data scope is
// the whole city changes it. The version read must still be current, so two administrators never
// overwrite each other unseen.
public sealed class SaveBaseMap(GridDbContext db, CurrentUser caller, BaseMapCache cache, TimeProvider clock)
{
    public async Task<Result<BaseMapDto>> HandleAsync(SaveBaseMapRequest r, CancellationToken ct = default)
    {
        if (CitySettings.Refuse<BaseMapDto>(caller, "地图设置") is { } refused) return refused;
        var row = await db.Set<BaseMapSetting>().FirstOrDefaultAsync(s => s.Id == BaseMapSetting.TheId, ct);
        if (r.Version is not { } version) return Result<BaseMapDto>.Invalid("version", "缺少版本号（version）：请先读取地图设置再修改");
        if (version != (row?.Version ?? 0)) return Stale(row?.Version ?? 0);
        var (next, errors) = Validate(r);
        if (errors.Count > 0) return Result<BaseMapDto>.Invalid(errors);
        if (row is null) db.Add(row = new BaseMapSetting());
        (row.Preset, row.TileUrl, row.AnnotationUrl, row.Subdomains, row.Attribution, row.MaxZoom, row.Coordinates, row.Key) =
            (next.Preset, next.TileUrl, next.AnnotationUrl, next.Subdomains, next.Attribution, next.MaxZoom, next.Coordinates, next.Key);
        row.Version++;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return Stale(null); }
        var saved = BaseMapDto.From(row);
        cache.Set(saved);
        return Result<BaseMapDto>.Ok(saved);
    }

    static Result<BaseMapDto> Stale(int? current) =>
        Result<BaseMapDto>.Conflict("地图设置已被他人修改，请刷新后再修改", extensions: current is null ? null : new Dictionary<string, object?> { ["version"] = current });

    static (BaseMapSetting Next, Dictionary<string, string[]> Errors) Validate(SaveBaseMapRequest r)
    {
        var e = new Dictionary<string, string[]>();
        var preset = r.Preset ?? BaseMapPreset.None;
        var key = Trimmed(r.Key);
        if (preset == BaseMapPreset.None) return (new BaseMapSetting { Preset = preset }, e);
        if (BaseMapPresets.IsTianditu(preset))
        {
            if (key is null) e["key"] = ["请填写天地图密钥（在天地图开发者控制台申请的浏览器端密钥）"];
            else if (!BaseMapRules.KeyPattern().IsMatch(key)) e["key"] = ["天地图密钥应为 8–64 位字母和数字"];
            return (new BaseMapSetting
            {
                Preset = preset, TileUrl = BaseMapPresets.TileUrl(preset), AnnotationUrl = BaseMapPresets.AnnotationUrl(preset),
                Subdomains = BaseMapPresets.TiandituSubdomains, Attribution = BaseMapPresets.TiandituAttribution,
                MaxZoom = BaseMapPresets.TiandituMaxZoom, Coordinates = TileCoordinates.Wgs84, Key = key,
            }, e);
        }
        var subdomains = Trimmed(r.Subdomains);
        // Bad subdomains are their own field's error: the templates are checked with a sample one.
        var sample = subdomains;
        if (BaseMapRules.CheckSubdomains(subdomains) is { } badSubdomains) { e["subdomains"] = [badSubdomains]; sample = "a"; }
        var tiles = Trimmed(r.TileUrl);
        if (tiles is null) e["tileUrl"] = ["请填写瓦片地址模板"];
        else if (BaseMapRules.Check("瓦片地址", tiles, sample) is { } badTiles) e["tileUrl"] = [badTiles];
        var annotation = Trimmed(r.AnnotationUrl);
        if (annotation is not null && BaseMapRules.Check("注记图层地址", annotation, sample) is { } badAnnotation) e["annotationUrl"] = [badAnnotation];
        var attribution = CleanText.Line(r.Attribution)?.Trim() is { Length: > 0 } a ? a : null;
        if (attribution?.Length > BaseMapRules.MaxAttribution) e["attribution"] = [$"版权说明不能超过 {BaseMapRules.MaxAttribution} 个字"];
        var maxZoom = r.MaxZoom ?? BaseMapPresets.TiandituMaxZoom;
        if (maxZoom is < BaseMapRules.MinZoom or > BaseMapRules.MaxZoomLimit)
            e["maxZoom"] = [$"最大缩放级别须在 {BaseMapRules.MinZoom}–{BaseMapRules.MaxZoomLimit} 之间"];
        var usesKey = (tiles?.Contains("{tk}") ?? false) || (annotation?.Contains("{tk}") ?? false);
        if (usesKey && key is null) e["key"] = ["地址中含 {tk}，请填写密钥"];
        else if (key is not null && !usesKey) e["key"] = ["地址中没有 {tk} 占位符，密钥无处填写：请在地址中写 tk={tk}，或清空密钥"];
        else if (key is not null && !BaseMapRules.KeyPattern().IsMatch(key)) e["key"] = ["密钥应为 8–64 位字母和数字"];
        return (new BaseMapSetting
        {
            Preset = preset, TileUrl = tiles, AnnotationUrl = annotation, Subdomains = subdomains, Attribution = attribution,
            MaxZoom = maxZoom, Coordinates = r.Coordinates ?? TileCoordinates.Wgs84, Key = key,
        }, e);
    }

    static string? Trimmed(string? s) => CleanText.Line(s)?.Trim() is { Length: > 0 } t ? t : null;
}
