using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// No English reaches a user: every page of the menu, and the pages reached from them, is walked as
// the admin, the street centre and the grid worker; the visible text (the page's text, the titles,
// placeholders and labels of visible elements, the values of visible buttons) may hold Latin words
// from the allow-list only. A visible native file input counts as English (Chromium labels it
// "Choose Files"). The API reference (/api/docs) is Scalar's own English page and is not walked.
[Collection(BrowserCollection.Name)]
public sealed partial class ChineseEverywhereTests(BrowserApp app)
{
    // Acronyms and names that stay Latin in Chinese offices; codes with digits (GD… ticket numbers,
    // division codes) are allowed by rule.
    static readonly HashSet<string> Allowed = new(StringComparer.Ordinal) { "GridGov", "XLSX", "PDF", "QR", "API", "ID", "IP", "km", "m", "GeoJSON", "JPEG", "PNG", "WebP", "CSV", "xlsx", "csv" };

    // Addresses people typed (a tile server's template in the audit log) are data, not words of the UI.
    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Address();

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9_\-]*")]
    private static partial Regex LatinWord();

    // The text a user sees on the page now, and how many native file inputs are visible.
    const string CollectScript = """
        () => {
          const visible = el => {
            const r = el.getBoundingClientRect(), s = getComputedStyle(el);
            return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
          };
          const parts = [document.title, document.body.innerText];
          for (const el of document.querySelectorAll('[title],[placeholder],[aria-label]'))
            if (visible(el)) for (const a of ['title', 'placeholder', 'aria-label']) { const v = el.getAttribute(a); if (v) parts.push(v); }
          for (const el of document.querySelectorAll('input[type=button],input[type=submit],input[type=reset],button[value]'))
            if (visible(el) && el.value) parts.push(el.value);
          const files = [...document.querySelectorAll('input[type=file]')].filter(visible).length;
          return { text: parts.join('\n'), files };
        }
        """;

    // Account names are data typed by an administrator (the header and the user list show them), not interface text.
    HashSet<string> Accounts => [.. app.Passwords.Keys];

    async Task<List<string>> EnglishOnAsync(IPage page, string url, bool interactive = true)
    {
        if (interactive) await BrowserApp.OpenAsync(page, url); else await page.GotoAsync(url);
        // Rendered: no skeleton or spinner left, nothing loading.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.Locator(".ant-skeleton, .ant-spin-spinning")).ToHaveCountAsync(0);
        var seen = await page.EvaluateAsync<JsonElement>(CollectScript);
        var text = Address().Replace(seen.GetProperty("text").GetString()!, " ");
        // Each word with a little of what surrounds it, so that the failure says where it is.
        // Letters right after digits belong to a code (data), not a word: an ID number's check character X,
        // a 统一社会信用代码's body and check character (91320102MA1XXXXX0Q).
        var words = LatinWord().Matches(text).Where(m => !Allowed.Contains(m.Value) && !Accounts.Contains(m.Value) && !m.Value.Any(char.IsDigit)
                && !(m.Index > 0 && char.IsAsciiDigit(text[m.Index - 1])))
            .Select(m => $"{m.Value}（「{text.Substring(Math.Max(0, m.Index - 12), Math.Min(text.Length, m.Index + m.Length + 12) - Math.Max(0, m.Index - 12)).ReplaceLineEndings(" ")}」）")
            .DistinctBy(w => w[..w.IndexOf('（')]).ToList();
        if (seen.GetProperty("files").GetInt32() > 0) words.Add("Choose Files (原生文件选择框)");
        return words.Select(w => $"{url}: {w}").ToList();
    }

    async Task<List<string>> WalkAsync(IPage page, IEnumerable<string> urls)
    {
        var found = new List<string>();
        foreach (var url in urls) found.AddRange(await EnglishOnAsync(page, url));
        return found;
    }

    static void NoEnglish(List<string> found) =>
        Assert.True(found.Count == 0, "页面上出现了英文：\n" + string.Join("\n", found));

    // The menu's pages for an administrator, plus the pages reached from them (a ticket, 403, 404).
    [Fact]
    public async Task The_admin_sees_chinese_on_every_page()
    {
        var data = new DeskData(app);
        var street = await data.ClientAsync("street");
        var ticket = await data.ReportAsync(street, "路灯不亮，晚上看不清路", (await data.PointsAsync()).Own);

        var page = await app.LoginAsync("admin");
        var menu = await page.Locator(".ant-layout-sider a[href]").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
        var urls = menu.Where(u => u.StartsWith('/') && !u.StartsWith("/api/docs") && u != "/tickets/new")
            .Concat(["/tickets/flow", "/tickets/settings", "/admin/users", "/admin/roles", "/admin/audit", $"/tickets/{ticket.Id}"]).Distinct().ToList();
        Assert.Contains("/org", urls);
        var found = await WalkAsync(page, urls);
        // Statically rendered: the password form.
        found.AddRange(await EnglishOnAsync(page, "/account/password", interactive: false));
        // A wrong address: the plain 404 page.
        found.AddRange(await EnglishOnAsync(page, "/no/such/page", interactive: false));
        NoEnglish(found);
    }

    [Fact]
    public async Task The_street_centre_and_the_grid_worker_see_chinese_on_their_pages()
    {
        var found = new List<string>();
        foreach (var user in new[] { "street", "grid" })
        {
            var page = await app.LoginAsync(user);
            var menu = await page.Locator(".ant-layout-sider a[href]").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
            found.AddRange(await WalkAsync(page, menu.Where(u => u.StartsWith('/') && u != "/tickets/new").Distinct()));
            // 403: the grid worker opens the user list.
            if (user == "grid") found.AddRange(await EnglishOnAsync(page, "/admin/users"));
            await page.Context.CloseAsync();
        }
        NoEnglish(found);
    }

    // The photo field once showed the browser's own file input ("Choose Files"): a visible native
    // file input counts as English.
    [Fact]
    public async Task The_new_ticket_form_is_chinese()
    {
        var page = await app.LoginAsync("street");
        NoEnglish(await EnglishOnAsync(page, "/tickets/new"));
    }
}
