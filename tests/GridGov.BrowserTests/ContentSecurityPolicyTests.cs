using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// The pages work under the Content-Security-Policy (maps, charts, AntDesign popups, the live circuit)
// without a single violation, while a script injected into the page is refused.
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserApp app)
{
    [Fact]
    public async Task Every_page_renders_without_a_policy_violation_and_an_injected_script_does_not_run()
    {
        var page = await app.LoginAsync("admin");
        var violations = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy")) violations.Add($"{page.Url}: {m.Text}"); };

        foreach (var url in new[] { "/", "/org", "/tickets", "/tickets/new", "/tickets/settings", "/tickets/flow", "/admin/users", "/admin/roles", "/admin/audit", "/account/password", "/api/docs/" })
        {
            if (url is "/account/password" or "/api/docs/") await page.GotoAsync(url); else await BrowserApp.OpenAsync(page, url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var inline = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => (a.name.startsWith('on') && a.value !== 'event.preventDefault();') || a.value.startsWith('javascript:'))).map(e => e.outerHTML.slice(0, 300))");
            violations.AddRange(inline.Select(h => $"{url} inline: {h}"));
        }
        await page.GotoAsync("/api/docs/");
        await Assertions.Expect(page.Locator("#app")).ToContainTextAsync("认证");
        await BrowserApp.OpenAsync(page, "/org");
        await Assertions.Expect(page.Locator(".leaflet-container").First).ToBeVisibleAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1'; document.body.appendChild(s); }");
        Assert.True(await page.EvaluateAsync<bool>("() => window.injected === undefined"));
        await Assertions.Expect(page.Locator("#current-user")).ToContainTextAsync("admin");
    }
}
