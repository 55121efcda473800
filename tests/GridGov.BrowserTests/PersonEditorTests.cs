using GridGov.Features.Registry.Addresses;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// Registering a person by hand at a 1366×768 desk: a wrong ID number is named under its field in
// Chinese, fixed, saved; the new person's page shows the number masked and 待核实; a correction keeps
// the number when its box stays empty.
[Collection(BrowserCollection.Name)]
public sealed class PersonEditorTests(BrowserApp app)
{
    static string NewId()
    {
        var first = $"32010219{Random.Shared.Next(60, 99)}0{Random.Shared.Next(1, 9)}1{Random.Shared.Next(0, 9)}{Random.Shared.Next(0, 999):000}";
        int[] w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first[i] - '0') * w[i];
        return first + "10X98765432"[sum % 11];
    }

    [Fact]
    public async Task A_community_worker_registers_a_person_after_fixing_the_id_number_then_corrects_the_job()
    {
        string room;
        await using (var db = app.Services.GetRequiredService<GridDatabase>().CreateUnscoped(AuditActor.System))
            room = await db.Set<Address>().Where(a => a.CommunityCode == 320102002001 && a.Code.Length == AddressCodes.MaxLength)
                .OrderByDescending(a => a.Id).Select(a => a.FullName).FirstAsync();
        var id = NewId();
        var name = "手录" + (char)('甲' + Random.Shared.Next(0, 9)) + (char)('子' + Random.Shared.Next(0, 9));

        var page = await app.LoginAsync("community");
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserApp.OpenAsync(page, "/registry/people");
        await page.ClickAsync("#people-new");
        await page.FillAsync("#pf-name", name);
        await page.FillAsync("#pf-id", id[..17] + (id[17] == '1' ? '2' : '1'));
        await page.FillAsync("#pf-address", room);
        await page.ClickAsync(".ant-modal-footer .ant-btn-primary");
        var form = page.Locator("#person-form");
        await Assertions.Expect(form).ToContainTextAsync("公民身份号码：");
        await Assertions.Expect(form).ToContainTextAsync("校验");
        await BrowserApp.ShotAsync(page, "registry-person-form-error");

        await page.FillAsync("#pf-id", id);
        // The message goes as soon as the field changes (AntDesign commits the value on leaving the box).
        await page.Locator("#pf-id").PressAsync("Tab");
        await Assertions.Expect(form).Not.ToContainTextAsync("校验");
        await page.ClickAsync(".ant-modal-footer .ant-btn-primary");
        await page.WaitForURLAsync("**/registry/people/*");
        await Assertions.Expect(page.Locator("#person-name")).ToHaveTextAsync(name);
        await Assertions.Expect(page.Locator("#person-state")).ToHaveTextAsync("待核实");
        await Assertions.Expect(page.Locator("#person-id")).ToHaveTextAsync(id[..4] + "**********" + id[^4..]);

        await page.ClickAsync("#person-edit");
        await Assertions.Expect(page.Locator("#person-form")).ToContainTextAsync("不修改请留空");
        await page.FillAsync("#pf-occupation", "快递员");
        await BrowserApp.ShotAsync(page, "registry-person-form-edit");
        await page.ClickAsync(".ant-modal-footer .ant-btn-primary");
        await Assertions.Expect(page.Locator("#person-card")).ToContainTextAsync("快递员");
        await Assertions.Expect(page.Locator("#person-id")).ToHaveTextAsync(id[..4] + "**********" + id[^4..]);
    }
}
