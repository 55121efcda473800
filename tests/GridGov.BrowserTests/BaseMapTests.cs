using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// The base map under the app's maps: none by default (no tile is ever asked for); a configured tile
// server under the ticket, new-ticket and org maps with their vector layers still drawn; GCJ-02 tiles
// with our WGS-84 points shifted onto them and clicks read back in WGS-84. Each test leaves no setting.
[Collection(BrowserCollection.Name)]
public sealed partial class BaseMapTests(BrowserApp app)
{
    [GeneratedRegex(@"位置：([0-9.]+), ([0-9.]+)")]
    private static partial Regex Position();

    static (int X, int Y) TileOf((double Lon, double Lat) p, int z)
    {
        var n = Math.Pow(2, z);
        var lat = p.Lat * Math.PI / 180;
        return ((int)Math.Floor((p.Lon + 180) / 360 * n), (int)Math.Floor((1 - Math.Log(Math.Tan(lat) + 1 / Math.Cos(lat)) / Math.PI) / 2 * n));
    }

    async Task<(IPage Page, DeskData.Reported Ticket, (double Lon, double Lat) Point)> TicketPageAsync(BaseMapTiles tiles, string text)
    {
        var data = new DeskData(app);
        using var street = await data.ClientAsync("street");
        var point = (await data.PointsAsync()).Own;
        var ticket = await data.ReportAsync(street, text, point);
        var page = await app.LoginAsync("street");
        await page.SetViewportSizeAsync(1366, 768);
        await BaseMapTiles.InstallAsync(page);
        await tiles.ServeAsync(page.Context);
        await BrowserApp.OpenAsync(page, $"/tickets/{ticket.Id}");
        await Assertions.Expect(page.Locator("#ticket-map[data-ready]")).ToHaveCountAsync(1);
        // The point itself is still drawn: the marker (the grid's outline is not interactive).
        await Assertions.Expect(page.Locator("#ticket-map path.leaflet-interactive")).ToHaveCountAsync(1);
        return (page, ticket, point);
    }

    [Fact]
    public async Task Without_a_setting_no_map_asks_for_a_tile()
    {
        var tiles = new BaseMapTiles(app);
        await tiles.ResetAsync();
        var (page, _, _) = await TicketPageAsync(tiles, "井盖缺失，行人容易踩空");
        var elsewhere = new List<string>();
        page.Request += (_, r) => { if (r.Url.StartsWith("http") && !r.Url.StartsWith(app.BaseUrl)) elsewhere.Add(r.Url); };
        await Assertions.Expect(page.Locator("#ticket-map")).ToHaveAttributeAsync("data-basemap", "none");
        await BrowserApp.OpenAsync(page, "/org");
        await Assertions.Expect(page.Locator("#org-map path[data-code]").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#org-map")).ToHaveAttributeAsync("data-basemap", "none");
        await BrowserApp.OpenAsync(page, "/tickets/new");
        await Assertions.Expect(page.Locator("#pick-map[data-ready]")).ToHaveAttributeAsync("data-basemap", "none");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(tiles.Asked);
        Assert.Empty(elsewhere);
        Assert.Equal(0, await page.Locator(".leaflet-tile, .leaflet-control-attribution").CountAsync());
    }

    [Fact]
    public async Task A_tile_server_lies_under_the_ticket_and_org_maps_with_their_vector_layers()
    {
        var tiles = new BaseMapTiles(app);
        try
        {
            await tiles.CustomAsync("Wgs84");
            var (page, _, point) = await TicketPageAsync(tiles, "人行道路面破损，有积水");
            await Assertions.Expect(page.Locator("#ticket-map")).ToHaveAttributeAsync("data-basemap", "Wgs84");
            await Assertions.Expect(page.Locator("#ticket-map .gg-basemap-tiles img.leaflet-tile-loaded").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#ticket-map .leaflet-control-attribution")).ToHaveTextAsync("测试瓦片");
            // Sane tiles: a city zoom, inside the world, and the tile of the ticket's point among them.
            var asked = tiles.Asked.ToList();
            Assert.All(asked, t => { Assert.InRange(t.Z, 10, 18); Assert.InRange(t.X, 0, (1 << t.Z) - 1); Assert.InRange(t.Y, 0, (1 << t.Z) - 1); });
            Assert.Contains(asked, t => TileOf(point, t.Z) == (t.X, t.Y));
            // WGS-84 tiles: the marker sits on its own position on them.
            var under = await page.EvaluateAsync<double[]>(BaseMapTiles.UnderElement, new[] { "#ticket-map", "#ticket-map path.leaflet-interactive" });
            Assert.InRange(BaseMapTiles.Metres((under[0], under[1]), point), 0, 15);
            await BrowserApp.ShotAsync(page, "basemap-ticket-wgs84");

            tiles.Asked.Clear();
            await BrowserApp.OpenAsync(page, "/org");
            await Assertions.Expect(page.Locator("#org-map path[data-code]").First).ToBeVisibleAsync();
            Assert.True(await page.Locator("#org-map path[data-code]").CountAsync() > 1);
            await Assertions.Expect(page.Locator("#org-map .gg-basemap-tiles img.leaflet-tile-loaded").First).ToBeVisibleAsync();
            Assert.All(tiles.Asked, t => Assert.InRange(t.Z, 8, 18));
            await BrowserApp.ShotAsync(page, "basemap-org-wgs84");
        }
        finally { await tiles.ResetAsync(); }
    }

    [Fact]
    public async Task Gcj02_tiles_get_our_points_shifted_onto_them_and_clicks_come_back_in_wgs84()
    {
        var tiles = new BaseMapTiles(app);
        try
        {
            await tiles.CustomAsync("Gcj02");
            var (page, _, point) = await TicketPageAsync(tiles, "路灯损坏，夜间无照明");
            await Assertions.Expect(page.Locator("#ticket-map")).ToHaveAttributeAsync("data-basemap", "Gcj02");
            await Assertions.Expect(page.Locator("#ticket-map .gg-basemap-tiles img.leaflet-tile-loaded").First).ToBeVisibleAsync();
            // On the tiles the marker stands where GCJ-02 puts the point: a few hundred metres from
            // where its WGS-84 numbers would fall on a WGS-84 map.
            var under = await page.EvaluateAsync<double[]>(BaseMapTiles.UnderElement, new[] { "#ticket-map", "#ticket-map path.leaflet-interactive" });
            var gcj = await BaseMapTiles.GcjAsync(page, point.Lon, point.Lat);
            Assert.InRange(BaseMapTiles.Metres((under[0], under[1]), (gcj[0], gcj[1])), 0, 15);
            Assert.InRange(BaseMapTiles.Metres((under[0], under[1]), point), 300, 800);
            await BrowserApp.ShotAsync(page, "basemap-ticket-gcj02");

            // A click on the new-ticket map: the form gets WGS-84, i.e. the tiles' position taken back.
            await BrowserApp.OpenAsync(page, "/tickets/new");
            var map = page.Locator("#pick-map[data-ready]");
            await Assertions.Expect(page.Locator("#pick-map .gg-basemap-tiles img.leaflet-tile-loaded").First).ToBeVisibleAsync();
            var box = (await map.BoundingBoxAsync())!;
            // Numbers, not floats: Playwright hands a float to the page as an object.
            var (cx, cy) = ((double)box.X + box.Width / 2 + 13, (double)box.Y + box.Height / 2 + 7);
            await page.Mouse.ClickAsync((float)cx, (float)cy);
            var label = page.GetByText(Position());
            await Assertions.Expect(label).ToHaveCountAsync(1);
            var m = Position().Match(await label.InnerTextAsync());
            var picked = (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
            var clicked = await page.EvaluateAsync<double[]>("([map, x, y]) => window.__ggUnder(map, x, y)", new object[] { "#pick-map", cx, cy });
            var back = await page.EvaluateAsync<double[]>("async ([lon, lat]) => (await import('/js/basemap.js')).gcjToWgs(lon, lat)", clicked);
            Assert.InRange(BaseMapTiles.Metres(picked, (back[0], back[1])), 0, 15);
            Assert.InRange(BaseMapTiles.Metres(picked, (clicked[0], clicked[1])), 300, 800);
            await BrowserApp.ShotAsync(page, "basemap-new-ticket-gcj02");
        }
        finally { await tiles.ResetAsync(); }
    }

    // Pairs published with eviltransform (Shanghai, Shenzhen, Beijing) and coordtransform (Tiananmen).
    [Fact]
    public async Task The_conversion_matches_the_published_pairs_and_leaves_other_countries_alone()
    {
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        double[][] pairs =
        [
            [121.5272106, 31.1774276, 121.531541859215, 31.17530398364597],
            [113.912316, 22.543847, 113.9171764808363, 22.540796131694766],
            [116.377817, 39.911954, 116.38404722455657, 39.91334545536069],
            [116.404, 39.915, 116.41024449916938, 39.91640428150164],
        ];
        var results = await page.EvaluateAsync<double[][]>("""
            async pairs => {
              const m = await import('/js/basemap.js');
              return pairs.map(([lon, lat, gLon, gLat]) => [...m.wgsToGcj(lon, lat), ...m.gcjToWgs(gLon, gLat)]);
            }
            """, pairs);
        for (var i = 0; i < pairs.Length; i++)
        {
            Assert.Equal(pairs[i][2], results[i][0], 9);
            Assert.Equal(pairs[i][3], results[i][1], 9);
            Assert.Equal(pairs[i][0], results[i][2], 9);
            Assert.Equal(pairs[i][1], results[i][3], 9);
        }
        var tiananmen = await BaseMapTiles.GcjAsync(page, 116.397128, 39.916527);
        Assert.Equal(116.40337, tiananmen[0], 5);
        Assert.Equal(39.91793, tiananmen[1], 5);
        double[] tokyo = [139.6917, 35.6895], paris = [2.3522, 48.8566];
        Assert.Equal(tokyo, await BaseMapTiles.GcjAsync(page, tokyo[0], tokyo[1]));
        Assert.Equal(paris, await BaseMapTiles.GcjAsync(page, paris[0], paris[1]));
        await context.CloseAsync();
    }
}
