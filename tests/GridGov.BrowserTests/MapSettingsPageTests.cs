using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// 系统管理 → 地图设置: the city administrator picks 自定义, is told in Chinese what is wrong with a
// template, tests a good one against the (intercepted) tile server and saves it; a district
// administrator sees it read-only. And every chart offers 保存为图片.
[Collection(BrowserCollection.Name)]
public sealed class MapSettingsPageTests(BrowserApp app)
{
    static async Task ChooseAsync(IPage page, string field, string option)
    {
        await page.Locator($"#{field} .ant-select-selector").ClickAsync();
        await page.Locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", new() { HasTextString = option }).ClickAsync();
    }

    static async Task FillAsync(IPage page, string id, string value)
    {
        await page.FillAsync(id, value);
        await page.PressAsync(id, "Tab");
    }

    [Fact]
    public async Task The_city_admin_tests_and_saves_an_intranet_tile_server_and_a_district_admin_only_looks()
    {
        var tiles = new BaseMapTiles(app);
        try
        {
            await tiles.ResetAsync();
            var page = await app.LoginAsync("admin");
            await page.SetViewportSizeAsync(1366, 768);
            await tiles.ServeAsync(page.Context);
            await page.Locator(".ant-layout-sider a[href='/admin/map']").ClickAsync();
            // The page reloads itself once to get its own image policy; then the preview is drawn.
            await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + "/admin/map");
            await Assertions.Expect(page.Locator("#map-settings-preview[data-ready]")).ToHaveAttributeAsync("data-basemap", "none");
            await Assertions.Expect(page.Locator("#map-none-note")).ToBeVisibleAsync();
            await page.Locator("#gg-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

            await ChooseAsync(page, "f-preset", "自定义");
            await FillAsync(page, "#f-tileUrl", "tiles.gridgov.test/{z}/{x}.png");
            await page.ClickAsync("#map-save");
            await Assertions.Expect(page.Locator("#map-form-error")).ToContainTextAsync("请按提示修改后再保存");
            await Assertions.Expect(page.Locator("#map-form")).ToContainTextAsync("瓦片地址须以 http:// 或 https:// 开头");
            await BrowserApp.ShotAsync(page, "map-settings-error");

            // A placeholder Leaflet cannot fill: 测试 says so, and the page lives on.
            await FillAsync(page, "#f-tileUrl", BaseMapTiles.Template + "?layer={layer}");
            await page.ClickAsync("#map-test");
            await Assertions.Expect(page.Locator("#map-test-result")).ToContainTextAsync("底图地址无法使用：含有无法识别的占位符 {layer}");

            await FillAsync(page, "#f-tileUrl", BaseMapTiles.Template);
            await ChooseAsync(page, "f-coordinates", "GCJ-02");
            await FillAsync(page, "#f-attribution", "市测绘院内网瓦片");
            await page.ClickAsync("#map-test");
            await Assertions.Expect(page.Locator("#map-test-result")).ToContainTextAsync("底图瓦片加载成功（第 12 级");
            await Assertions.Expect(page.Locator("#map-settings-preview")).ToHaveAttributeAsync("data-basemap", "Gcj02");
            await Assertions.Expect(page.Locator("#map-settings-preview .gg-basemap-tiles img.leaflet-tile-loaded").First).ToBeVisibleAsync();
            Assert.Contains(tiles.Asked, t => t.Z == 12);
            await page.ClickAsync("#map-save");
            await Assertions.Expect(page.Locator(".ant-message")).ToContainTextAsync("地图设置已保存");
            await Assertions.Expect(page.Locator("#map-updated")).ToContainTextAsync("最后修改");
            await BrowserApp.ShotAsync(page, "map-settings-saved");

            using var street = await new DeskData(app).ClientAsync("street");
            var saved = await street.GetFromJsonAsync<JsonElement>("/api/v1/org/basemap");
            Assert.Equal("Custom", saved.GetProperty("preset").GetString());
            Assert.Equal(BaseMapTiles.Template, saved.GetProperty("tileUrl").GetString());
            Assert.Equal("Gcj02", saved.GetProperty("coordinates").GetString());
            Assert.Equal("市测绘院内网瓦片", saved.GetProperty("attribution").GetString());

            var district = await app.LoginAsync("district");
            await district.SetViewportSizeAsync(1366, 768);
            await tiles.ServeAsync(district.Context);
            await BrowserApp.OpenAsync(district, "/admin/map");
            await Assertions.Expect(district.Locator("#map-readonly")).ToContainTextAsync("全市统一的设置");
            await Assertions.Expect(district.Locator("#map-save")).ToHaveCountAsync(0);
            await Assertions.Expect(district.Locator("#f-tileUrl")).ToBeDisabledAsync();
            await Assertions.Expect(district.Locator("#f-tileUrl")).ToHaveValueAsync(BaseMapTiles.Template);
            await Assertions.Expect(district.Locator("#map-settings-preview .gg-basemap-tiles img.leaflet-tile-loaded").First).ToBeVisibleAsync();
            await BrowserApp.ShotAsync(district, "map-settings-readonly");
        }
        finally { await tiles.ResetAsync(); }
    }

    [Fact]
    public async Task The_workbench_chart_saves_as_an_image_named_after_its_title()
    {
        var page = await app.LoginAsync("admin");
        await page.SetViewportSizeAsync(1366, 768);
        var chart = page.Locator("#chart-3201");
        await Assertions.Expect(chart.Locator("svg text", new() { HasText = "江宁区" })).ToHaveCountAsync(1);
        var tool = await page.EvaluateAsync<JsonElement>("() => echarts.getInstanceByDom(document.getElementById('chart-3201')).getOption().toolbox[0].feature.saveAsImage");
        Assert.Equal("保存为图片", tool.GetProperty("title").GetString());
        Assert.Equal(2, tool.GetProperty("pixelRatio").GetInt32());
        Assert.Equal("#ffffff", tool.GetProperty("backgroundColor").GetString());
        Assert.Equal("南京市各下级单位的社区（村）与网格数", tool.GetProperty("name").GetString());

        // The button is the icon in the chart's top right corner: hovering shows its Chinese title, a
        // click downloads the file.
        // The chart is below the workbench's own work: scrolled to, so that the mouse can reach it.
        await chart.ScrollIntoViewIfNeededAsync();
        var at = await page.EvaluateAsync<double[]?>("""
            () => {
              const el = document.getElementById('chart-3201');
              // Laid out for the window as it is now (the resize after the viewport change may be pending).
              echarts.getInstanceByDom(el).resize();
              const box = el.getBoundingClientRect();
              // The download arrow: three strokes (three M commands), in the chart's top right corner.
              const icon = [...el.querySelectorAll('svg path')].filter(p => ((p.getAttribute('d') || '').match(/M/g) || []).length === 3)
                .map(p => p.getBoundingClientRect()).find(r => r.left > box.left + box.width / 2 && r.bottom < box.top + 60);
              return icon ? [icon.left + icon.width / 2, icon.top + icon.height / 2] : null;
            }
            """);
        Assert.NotNull(at);
        await page.Mouse.MoveAsync((float)at[0], (float)at[1]);
        await Assertions.Expect(chart.Locator("svg text", new() { HasText = "保存为图片" })).ToBeVisibleAsync();
        await BrowserApp.ShotAsync(page, "chart-save-as-image");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Mouse.ClickAsync((float)at[0], (float)at[1]));
        Assert.StartsWith("南京市各下级单位的社区（村）与网格数.", download.SuggestedFilename);
        var file = await download.PathAsync();
        Assert.Contains("江宁区", await File.ReadAllTextAsync(file));
    }
}
