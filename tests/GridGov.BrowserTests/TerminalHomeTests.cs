using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// The terminal on a phone: login lands on the work list, whose counts are the API's.
[Collection(BrowserCollection.Name)]
public sealed class TerminalHomeTests(BrowserApp app)
{
    [Fact]
    public async Task A_grid_worker_logs_in_on_a_phone_and_lands_on_the_work_list()
    {
        var (lon, lat) = await app.GridPointAsync("grid");
        var page = await app.PhoneAsync("grid", lon, lat);
        Assert.EndsWith("/m", page.Url);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("网格员");
        var api = await page.Context.APIRequest.GetAsync("/api/v1/terminal/worklist");
        var list = JsonDocument.Parse(await api.TextAsync()).RootElement;
        foreach (var item in list.GetProperty("items").EnumerateArray())
            await Assertions.Expect(page.Locator($"[data-work='{item.GetProperty("kind").GetString()}'] [data-pending]")).ToHaveTextAsync(item.GetProperty("pending").GetInt32().ToString());
        await BrowserApp.ShotAsync(page, "m-home");
    }
}
