using GridGov.Features.Organization.BaseMap;

namespace GridGov.Features.Organization.Pages;

// 地图设置's form as it stands (saved or not): what the request takes, and what the preview and the
// tile test give basemap.js (the shape GET /api/v1/org/basemap answers).
public sealed class MapSettingsModel
{
    public sealed record Choice(string Value, string Label);

    // One layer's answer to 测试 (mapsettings.js): a tile at level Z, column X, row Y came or did not.
    public sealed record Tested(string Layer, bool Ok, int Z, int X, int Y, string? Error)
    {
        public string Text => Error is not null ? $"{Layer}地址无法使用：{Error}"
            : Ok ? $"{Layer}瓦片加载成功（第 {Z} 级，列 {X}、行 {Y}）"
            : $"{Layer}瓦片加载失败（第 {Z} 级，列 {X}、行 {Y}）：请检查地址、密钥、白名单和网络";
    }

    public const string TiandituHelp = "在天地图开发者控制台申请“浏览器端”密钥，并把本系统的域名加入白名单";
    public const string TemplateHelp = "以 http:// 或 https:// 开头，用 {z}、{x}、{y} 表示级别与行列号；可用 {s} 轮换子域名，{tk} 填入密钥";

    public static readonly List<Choice> Presets = [.. Enum.GetValues<BaseMapPreset>().Select(p => new Choice(p.ToString(), p switch
    {
        BaseMapPreset.None => "无底图（仅矢量边界，默认）", BaseMapPreset.Custom => BaseMapPresets.Name(p), _ => BaseMapPresets.Name(p) + "（需密钥）",
    }))];

    public static readonly List<Choice> Datums = [.. Enum.GetValues<TileCoordinates>().Select(c => new Choice(c.ToString(), c == TileCoordinates.Gcj02
        ? "GCJ-02（国测局，如按高德切的内网瓦片）" : "WGS-84 / CGCS2000（如天地图）"))];

    public string Preset { get; set; } = nameof(BaseMapPreset.None);
    public string? TileUrl { get; set; }
    public string? AnnotationUrl { get; set; }
    public string? Subdomains { get; set; }
    public string? Attribution { get; set; }
    public int? MaxZoom { get; set; } = BaseMapPresets.TiandituMaxZoom;
    public string Coordinates { get; set; } = nameof(TileCoordinates.Wgs84);
    public string? Key { get; set; }

    public BaseMapPreset Kind => Enum.TryParse<BaseMapPreset>(Preset, out var p) ? p : BaseMapPreset.None;

    public static MapSettingsModel From(BaseMapDto s) => new()
    {
        Preset = s.Preset.ToString(), TileUrl = s.TileUrl, AnnotationUrl = s.AnnotationUrl, Subdomains = s.Subdomains, Attribution = s.Attribution,
        MaxZoom = s.MaxZoom, Coordinates = s.Coordinates.ToString(), Key = s.Key,
    };

    // Switching to 自定义 from a 天地图 preset starts from empty fields, not 天地图's addresses.
    public void StartCustom()
    {
        TileUrl = AnnotationUrl = Attribution = Subdomains = null;
        Coordinates = nameof(TileCoordinates.Wgs84);
    }

    public SaveBaseMapRequest Request(int version) => new(Kind, TileUrl, AnnotationUrl, Subdomains, Attribution, MaxZoom,
        Enum.TryParse<TileCoordinates>(Coordinates, out var c) ? c : TileCoordinates.Wgs84, Key, version);

    // Enum values as their names: JS interop would otherwise send numbers.
    public object Shown()
    {
        var t = BaseMapPresets.IsTianditu(Kind);
        return new
        {
            tiles = Kind != BaseMapPreset.None,
            tileUrl = t ? BaseMapPresets.TileUrl(Kind) : TileUrl?.Trim(),
            annotationUrl = t ? BaseMapPresets.AnnotationUrl(Kind) : string.IsNullOrWhiteSpace(AnnotationUrl) ? null : AnnotationUrl.Trim(),
            subdomains = t ? BaseMapPresets.TiandituSubdomains : Subdomains?.Trim(),
            attribution = t ? BaseMapPresets.TiandituAttribution : Attribution,
            maxZoom = t ? BaseMapPresets.TiandituMaxZoom : MaxZoom ?? BaseMapPresets.TiandituMaxZoom,
            coordinates = t ? nameof(TileCoordinates.Wgs84) : Coordinates,
            key = Key?.Trim(),
        };
    }
}
