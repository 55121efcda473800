using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using SkiaSharp;

namespace GridGov.BrowserTests;

// A tile server the browser believes in: the setting points at tiles.gridgov.test, which no DNS knows;
// the test's route answers every tile with a drawn PNG naming its z/x/y and records what was asked.
public sealed class BaseMapTiles(BrowserApp app)
{
    public const string Host = "http://tiles.gridgov.test";
    public const string Template = Host + "/{z}/{x}/{y}.png";

    public ConcurrentQueue<(int Z, int X, int Y)> Asked { get; } = new();

    // Sets the city's base map as the city administrator does, through the API.
    public async Task SetAsync(object setting)
    {
        using var admin = await new DeskData(app).ClientAsync("admin");
        var version = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/org/basemap")).GetProperty("version").GetInt32();
        var body = JsonSerializer.SerializeToElement(setting).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        body["version"] = version;
        var r = await admin.PutAsJsonAsync("/api/v1/org/basemap", body);
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
    }

    public Task CustomAsync(string coordinates) => SetAsync(new { preset = "Custom", tileUrl = Template, attribution = "测试瓦片", maxZoom = 18, coordinates });

    public Task ResetAsync() => SetAsync(new { preset = "None" });

    public async Task ServeAsync(IBrowserContext context) => await context.RouteAsync(Host + "/**", async route =>
    {
        var parts = new Uri(route.Request.Url).AbsolutePath.Trim('/').Replace(".png", "").Split('/').Select(int.Parse).ToArray();
        Asked.Enqueue((parts[0], parts[1], parts[2]));
        await route.FulfillAsync(new() { Status = 200, ContentType = "image/png", BodyBytes = Png(parts[0], parts[1], parts[2]) });
    });

    // A light map-coloured square with its border and its address, so that a screenshot shows the grid.
    static byte[] Png(int z, int x, int y)
    {
        using var surface = SKSurface.Create(new SKImageInfo(256, 256));
        var c = surface.Canvas;
        c.Clear(new SKColor(0xF2, 0xEF, 0xE6));
        using var line = new SKPaint { Color = new SKColor(0xC8, 0xBF, 0xAE), StrokeWidth = 2, Style = SKPaintStyle.Stroke };
        c.DrawRect(1, 1, 254, 254, line);
        c.DrawLine(0, 128, 256, 128, line);
        c.DrawLine(128, 0, 128, 256, line);
        using var font = new SKFont { Size = 14 };
        using var ink = new SKPaint { Color = new SKColor(0x8C, 0x8C, 0x8C), IsAntialias = true };
        c.DrawText($"{z}/{x}/{y}", 8, 20, SKTextAlign.Left, font, ink);
        using var image = surface.Snapshot();
        return image.Encode(SKEncodedImageFormat.Png, 90).ToArray();
    }

    // Where on the ground, by the tiles under it, the centre of an element (a marker) is: the tile
    // image there, its z/x/y and the position inside it, back through Web Mercator. [lon, lat].
    public const string UnderElement = """
        ([map, target]) => {
          const m = document.querySelector(target).getBoundingClientRect();
          return window.__ggUnder(map, m.left + m.width / 2, m.top + m.height / 2);
        }
        """;

    // The same at a point of the window; defined once per page by Install.
    const string UnderScript = """
        window.__ggUnder = (map, cx, cy) => {
          for (const t of document.querySelectorAll(map + ' .gg-basemap-tiles img.leaflet-tile-loaded')) {
            const r = t.getBoundingClientRect();
            // A tile Leaflet let go of keeps its element a moment, its address blanked.
            if (!t.src.startsWith('http')) continue;
            if (cx < r.left || cx >= r.right || cy < r.top || cy >= r.bottom) continue;
            const [z, x, y] = new URL(t.src).pathname.split('/').slice(-3).map(s => parseInt(s, 10));
            const n = 256 * Math.pow(2, z);
            const px = (x + (cx - r.left) / r.width) * 256, py = (y + (cy - r.top) / r.height) * 256;
            return [px / n * 360 - 180, Math.atan(Math.sinh(Math.PI * (1 - 2 * py / n))) * 180 / Math.PI];
          }
          return null;
        };
        """;

    public static Task InstallAsync(IPage page) => page.AddInitScriptAsync(UnderScript);

    // WGS-84 → GCJ-02 as the app's module computes it.
    public static async Task<double[]> GcjAsync(IPage page, double lon, double lat) =>
        await page.EvaluateAsync<double[]>("async ([lon, lat]) => (await import('/js/basemap.js')).wgsToGcj(lon, lat)", new[] { lon, lat });

    public static double Metres((double Lon, double Lat) a, (double Lon, double Lat) b)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var h = Math.Pow(Math.Sin(Rad(b.Lat - a.Lat) / 2), 2) + Math.Cos(Rad(a.Lat)) * Math.Cos(Rad(b.Lat)) * Math.Pow(Math.Sin(Rad(b.Lon - a.Lon) / 2), 2);
        return 2 * 6371008.8 * Math.Asin(Math.Sqrt(h));
    }
}
