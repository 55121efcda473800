using System.Text.Json;
using Xunit.Abstractions;

namespace GridGov.BrowserTests;

// The terminal is light: its first pages, opened cold over 3G, transfer under 100 KB. The figures
// (bytes and load time) are printed for the record; only the size is asserted — time on a shared
// machine is not a test.
[Collection(BrowserCollection.Name)]
public sealed class TerminalWeightTests(BrowserApp app, ITestOutputHelper output)
{
    const int Budget = 100 * 1024;

    [Fact]
    public async Task The_home_and_report_pages_transfer_under_100_KB_cold_over_3G()
    {
        var (lon, lat) = await app.GridPointAsync("grid");
        var page = await app.PhoneAsync("grid", lon, lat);
        foreach (var path in new[] { "/m", "/m/report" })
        {
            // Cold also means without the service worker's copies: as on the phone's first visit.
            await page.EvaluateAsync("async () => { for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister(); for (const k of await caches.keys()) await caches.delete(k); }");
            // Cold: a fresh page in a context whose cache is cleared, the network throttled to 3G.
            var cold = await page.Context.NewPageAsync();
            var cdp = await BrowserApp.ThrottleAsync(cold);
            await cdp.SendAsync("Network.clearBrowserCache");
            await cdp.SendAsync("Network.setCacheDisabled", new Dictionary<string, object> { ["cacheDisabled"] = true });
            await cold.GotoAsync(path, new() { WaitUntil = Microsoft.Playwright.WaitUntilState.Load });
            var figures = JsonDocument.Parse(await cold.EvaluateAsync<string>("""
                () => {
                  const nav = performance.getEntriesByType("navigation")[0];
                  const res = performance.getEntriesByType("resource");
                  return JSON.stringify({
                    bytes: nav.transferSize + res.reduce((s, r) => s + r.transferSize, 0),
                    html: nav.transferSize, files: res.length, load: Math.round(nav.loadEventEnd - nav.startTime) });
                }
                """)).RootElement;
            var bytes = figures.GetProperty("bytes").GetInt32();
            output.WriteLine($"{path}: {bytes:N0} bytes transferred ({figures.GetProperty("html").GetInt32():N0} of HTML, {figures.GetProperty("files").GetInt32()} files), loaded in {figures.GetProperty("load").GetInt32()} ms over 3G");
            Assert.InRange(bytes, 1, Budget);
            await cold.CloseAsync();
        }
        await page.Context.CloseAsync();
    }
}
