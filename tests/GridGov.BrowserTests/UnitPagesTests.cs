using GridGov.Features.Registry.Addresses;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// 实有单位 at a 1366×768 community desk: a new unit with a mistyped credit code is refused with the
// Chinese reason under the field; corrected, it is saved and found in the list.
[Collection(BrowserCollection.Name)]
public sealed class UnitPagesTests(BrowserApp app)
{
    static string CreditCode()
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var first = "92320102" + new string([.. Enumerable.Range(0, 9).Select(_ => alphabet[Random.Shared.Next(alphabet.Length)])]);
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += alphabet.IndexOf(first[i]) * w[i];
        return first + alphabet[(31 - sum % 31) % 31];
    }

    [Fact]
    public async Task A_community_worker_fixes_a_wrong_credit_code_saves_the_unit_and_finds_it()
    {
        string room;
        await using (var db = app.Services.GetRequiredService<GridDatabase>().CreateUnscoped(AuditActor.System))
            room = await db.Set<Address>().Where(a => a.CommunityCode == 320102002001 && a.Kind == AddressKind.Room && a.Code.Length < AddressCodes.MaxLength)
                .OrderBy(a => a.Id).Select(a => a.FullName).FirstAsync();
        var code = CreditCode();
        var wrong = code[..17] + (code[17] == '0' ? '1' : '0');
        var name = $"浏览便利店{Random.Shared.Next(1000, 9999)}";

        var page = await app.LoginAsync("community");
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserApp.OpenAsync(page, "/registry/units");
        await Assertions.Expect(page.Locator("#units-toolbar-total")).ToContainTextAsync("共");
        await BrowserApp.ShotAsync(page, "registry-units-1366");
        await page.ClickAsync("#units-new");
        await page.WaitForURLAsync("**/registry/units/new");
        await page.Locator("#unit-form").WaitForAsync();
        await page.FillAsync("#f-name", name);
        await page.FillAsync("#f-creditCode", wrong);
        await page.FillAsync("#f-address", room);
        await page.FillAsync("#f-legalRepName", "浏览甲");
        await page.ClickAsync("#unit-save");

        var codeItem = page.Locator("#unit-form .ant-form-item", new() { Has = page.Locator("#f-creditCode") });
        await Assertions.Expect(codeItem.Locator(".ant-form-item-explain")).ToContainTextAsync("统一社会信用代码：校验位应为");
        await BrowserApp.ShotAsync(page, "registry-unit-new-error");

        await page.FillAsync("#f-creditCode", code);
        await page.ClickAsync("#unit-save");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/registry/units/\d+$"));
        await Assertions.Expect(page.Locator("#unit-name")).ToHaveTextAsync(name);
        await Assertions.Expect(page.Locator("#unit-code")).ToHaveTextAsync(code);
        await Assertions.Expect(page.Locator("#unit-address")).ToHaveTextAsync(room);
        await BrowserApp.ShotAsync(page, "registry-unit-detail");

        // Edited on its page: the form comes filled in, the change is saved under the next version.
        await page.ClickAsync("#unit-edit");
        await Assertions.Expect(page.Locator("#f-name")).ToHaveValueAsync(name);
        name += "（东店）";
        await page.FillAsync("#f-name", name);
        await page.FillAsync("#f-employees input", "3");
        await BrowserApp.ShotAsync(page, "registry-unit-edit");
        await page.ClickAsync("#unit-save");
        await Assertions.Expect(page.Locator("#unit-name")).ToHaveTextAsync(name.Replace("（", "(").Replace("）", ")"));

        await BrowserApp.OpenAsync(page, "/registry/units");
        await page.FillAsync("#units-search", name[..^4]);
        await page.PressAsync("#units-search", "Enter");
        await Assertions.Expect(page.Locator("#units-toolbar-total")).ToHaveTextAsync("共 1 条");
        await Assertions.Expect(page.Locator("#units-table tbody")).ToContainTextAsync("个体工商户");
        await BrowserApp.ShotAsync(page, "registry-units-found");
        await page.Context.CloseAsync();
    }
}
