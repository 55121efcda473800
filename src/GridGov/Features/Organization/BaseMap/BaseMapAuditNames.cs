using GridGov.Infrastructure.Database;

namespace GridGov.Features.Organization.BaseMap;

// How the base map reads in the audit log: 地图设置, its fields and values in Chinese; the 天地图
// key only as 已设置.
sealed class BaseMapAuditNames : AuditNames
{
    public override IEnumerable<AuditEntity> Entities() =>
    [
        new(nameof(BaseMapSetting), "地图设置")
        {
            Properties = new()
            {
                ["Id"] = "编号", ["Preset"] = "底图", ["TileUrl"] = "瓦片地址", ["AnnotationUrl"] = "注记图层地址", ["Subdomains"] = "子域名",
                ["Attribution"] = "版权说明", ["MaxZoom"] = "最大缩放级别", ["Coordinates"] = "瓦片坐标系", ["Key"] = "天地图密钥",
                ["Version"] = "版本", ["UpdatedAt"] = "修改时间",
            },
            Masked = ["Key"],
            Values = new()
            {
                ["Preset"] = v => Enum.TryParse<BaseMapPreset>(v, out var p) ? BaseMapPresets.Name(p) : null,
                ["Coordinates"] = v => Enum.TryParse<TileCoordinates>(v, out var c) ? BaseMapPresets.Name(c) : null,
            },
            Resolve = (_, keys, _) => Task.FromResult(keys.ToDictionary(k => k, _ => "全市")),
        },
    ];
}
