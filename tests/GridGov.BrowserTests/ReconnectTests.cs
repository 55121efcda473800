using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// The live connection of an interactive page is taken away under the user: our Chinese dialog says
// so, none of Blazor's English texts appear, and when the network is back the page carries on.
[Collection(BrowserCollection.Name)]
public sealed class ReconnectTests(BrowserApp app)
{
    [Fact]
    public async Task A_lost_connection_shows_the_chinese_dialog_and_the_page_carries_on_when_the_network_is_back()
    {
        var page = await app.LoginAsync("street");
        // The circuit's socket runs through the test from the next page load on, so that it can be cut.
        var blocked = false;
        IWebSocketRoute? circuit = null;
        await page.RouteWebSocketAsync(new Regex("/_blazor"), ws =>
        {
            if (blocked) { _ = ws.CloseAsync(new() { Code = 1011 }); return; }
            ws.ConnectToServer();
            circuit = ws;
        });
        await BrowserApp.OpenAsync(page, "/tickets");
        var modal = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(modal).ToBeHiddenAsync();
        Assert.NotNull(circuit);

        // The network goes: no new connection gets through, and the open one is closed.
        blocked = true;
        await page.Context.SetOfflineAsync(true);
        await circuit!.CloseAsync(new() { Code = 1011 });

        await Assertions.Expect(modal).ToBeVisibleAsync();
        await Assertions.Expect(modal).ToContainTextAsync(new Regex(@"网络连接已断开，正在重新连接…（第 \d+ 次）"));
        var text = await page.Locator("body").InnerTextAsync();
        foreach (var english in new[] { "Rejoin", "Reconnect", "Retry", "Resume", "reload", "server", "seconds" })
            Assert.DoesNotContain(english, text, StringComparison.OrdinalIgnoreCase);
        await BrowserApp.ShotAsync(page, "reconnect-dialog");

        // The network comes back: a later attempt gets through to the same circuit and the dialog goes.
        blocked = false;
        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(modal).ToBeHiddenAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#gg-interactive")).ToBeAttachedAsync();
    }
}
