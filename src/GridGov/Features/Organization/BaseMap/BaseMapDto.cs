namespace GridGov.Features.Organization.BaseMap;

// What every page's maps read (GET /api/v1/org/basemap) and the settings page shows. `Tiles` is
// false when the maps draw vector boundaries only.
public sealed record BaseMapDto(BaseMapPreset Preset, bool Tiles, string? TileUrl, string? AnnotationUrl, string? Subdomains, string? Attribution,
    int MaxZoom, TileCoordinates Coordinates, string? Key, int Version, DateTime? UpdatedAt)
{
    public static readonly BaseMapDto Default = new(BaseMapPreset.None, false, null, null, null, null, BaseMapPresets.TiandituMaxZoom, TileCoordinates.Wgs84, null, 0, null);

    public static BaseMapDto From(BaseMapSetting? s) => s is null ? Default
        : new(s.Preset, s.Preset != BaseMapPreset.None && s.TileUrl is not null, s.TileUrl, s.AnnotationUrl, s.Subdomains, s.Attribution,
            s.MaxZoom, s.Coordinates, s.Key, s.Version, s.UpdatedAt);
}

// PUT /api/v1/org/basemap. For the 天地图 presets the addresses, subdomains, zoom and datum are the
// service's own and only the key is taken; `version` is the one read (0 before the first save).
public sealed record SaveBaseMapRequest(BaseMapPreset? Preset, string? TileUrl, string? AnnotationUrl, string? Subdomains, string? Attribution,
    int? MaxZoom, TileCoordinates? Coordinates, string? Key, int? Version);
