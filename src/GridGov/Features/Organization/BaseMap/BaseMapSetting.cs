using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Organization.BaseMap;

public enum BaseMapPreset { None, TiandituVector, TiandituImagery, Custom }

// The datum the tiles are drawn in. 天地图 is CGCS2000, which differs from WGS-84 by centimetres;
// tiles cut from 高德-style maps are GCJ-02 (国测局), shifted by a few hundred metres.
public enum TileCoordinates { Wgs84, Gcj02 }

// The city's base map (地图设置): one row, owned by the city (ADR 0017). No row, or the preset None,
// means no tiles at all: the maps draw their vector boundaries only.
public class BaseMapSetting
{
    public const int TheId = 1;

    public int Id { get; set; } = TheId;
    public BaseMapPreset Preset { get; set; }
    // Leaflet URL templates: {z}/{x}/{y}, optionally {s} (one of Subdomains) and {tk} (the key).
    public string? TileUrl { get; set; }
    // 注记: 天地图's vector and imagery tiles carry no labels; they come as a second layer.
    public string? AnnotationUrl { get; set; }
    public string? Subdomains { get; set; }
    public string? Attribution { get; set; }
    public int MaxZoom { get; set; } = 18;
    public TileCoordinates Coordinates { get; set; }
    // 天地图's browser key (tk=…): it travels in every tile request, so it is no secret from users,
    // but the audit log records only that it changed.
    public string? Key { get; set; }
    public int Version { get; set; }
    public DateTime UpdatedAt { get; set; }
}

sealed class BaseMapSettingConfiguration : IEntityTypeConfiguration<BaseMapSetting>
{
    public void Configure(EntityTypeBuilder<BaseMapSetting> b)
    {
        b.ToTable("BaseMapSettings");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.TileUrl).HasMaxLength(BaseMapRules.MaxUrl);
        b.Property(s => s.AnnotationUrl).HasMaxLength(BaseMapRules.MaxUrl);
        b.Property(s => s.Subdomains).HasMaxLength(BaseMapRules.MaxSubdomains);
        b.Property(s => s.Attribution).HasMaxLength(BaseMapRules.MaxAttribution);
        b.Property(s => s.Key).HasMaxLength(64);
        b.Property(s => s.Version).IsConcurrencyToken();
    }
}
