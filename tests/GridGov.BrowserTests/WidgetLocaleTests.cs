using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// The texts the widget libraries bring along themselves (Leaflet's buttons, AntDesign's calendar and
// empty states) are Chinese like the rest of the page.
[Collection(BrowserCollection.Name)]
public sealed class WidgetLocaleTests(BrowserApp app)
{
    static readonly Regex English = new(@"\b(Today|Now|Ok|No data|Not Found|Zoom in|Zoom out|Leaflet|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Su|Mo|Tu|We|Th|Fr|Sa)\b");

    [Fact]
    public async Task Map_buttons_calendars_and_empty_lists_speak_chinese()
    {
        var page = await app.LoginAsync("street");

        await BrowserApp.OpenAsync(page, "/org");
        await Assertions.Expect(page.Locator("#org-map .leaflet-control-zoom-in")).ToHaveAttributeAsync("title", "放大");
        await Assertions.Expect(page.Locator("#org-map .leaflet-control-zoom-out")).ToHaveAttributeAsync("title", "缩小");
        Assert.DoesNotMatch(English, await page.Locator("#org-map").InnerTextAsync());

        await BrowserApp.OpenAsync(page, "/tickets");
        await page.Locator("input[placeholder='上报日期从']").ClickAsync();
        var calendar = page.Locator(".ant-picker-dropdown:not(.ant-picker-dropdown-hidden)");
        await Assertions.Expect(calendar).ToBeVisibleAsync();
        await Assertions.Expect(calendar).ToContainTextAsync("今天");
        await Assertions.Expect(calendar.Locator("thead")).ToContainTextAsync("一");
        Assert.DoesNotMatch(English, await calendar.InnerTextAsync());
        await BrowserApp.ShotAsync(page, "widget-locale-calendar");
        await page.Keyboard.PressAsync("Escape");

        // A select that finds nothing says so in Chinese.
        await page.Locator(".ant-select-selector").First.ClickAsync();
        await page.Keyboard.TypeAsync("无此选项zz");
        var dropdown = page.Locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)");
        await Assertions.Expect(dropdown).ToBeVisibleAsync();
        Assert.DoesNotMatch(English, await dropdown.InnerTextAsync());
        Assert.DoesNotMatch(English, await page.Locator("body").InnerTextAsync());
    }
}
