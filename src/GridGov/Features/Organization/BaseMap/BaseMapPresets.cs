namespace GridGov.Features.Organization.BaseMap;

// 天地图's web-Mercator WMTS services (…_w), as 国家地理信息公共服务平台 publishes them: eight hosts
// t0…t7, tiles up to level 18, a browser key in tk=. The base layers carry no names: 矢量 needs the
// 矢量注记 (cva) layer over it, 影像 the 影像注记 (cia) layer.
public static class BaseMapPresets
{
    const string Tianditu = "https://t{s}.tianditu.gov.cn/{0}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER={0}&STYLE=default"
        + "&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={tk}";

    public const string TiandituSubdomains = "01234567";
    public const string TiandituAttribution = "天地图";
    public const int TiandituMaxZoom = 18;

    static string Layer(string layer) => Tianditu.Replace("{0}", layer);

    public static string? TileUrl(BaseMapPreset preset) => preset switch
    {
        BaseMapPreset.TiandituVector => Layer("vec"),
        BaseMapPreset.TiandituImagery => Layer("img"),
        _ => null,
    };

    public static string? AnnotationUrl(BaseMapPreset preset) => preset switch
    {
        BaseMapPreset.TiandituVector => Layer("cva"),
        BaseMapPreset.TiandituImagery => Layer("cia"),
        _ => null,
    };

    public static bool IsTianditu(BaseMapPreset preset) => preset is BaseMapPreset.TiandituVector or BaseMapPreset.TiandituImagery;

    public static string Name(BaseMapPreset preset) => preset switch
    {
        BaseMapPreset.None => "无底图（仅矢量边界）",
        BaseMapPreset.TiandituVector => "天地图矢量",
        BaseMapPreset.TiandituImagery => "天地图影像",
        _ => "自定义（内网瓦片服务）",
    };

    public static string Name(TileCoordinates c) => c == TileCoordinates.Gcj02 ? "GCJ-02（国测局坐标）" : "WGS-84 / CGCS2000";
}
