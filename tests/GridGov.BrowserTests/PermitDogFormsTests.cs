using GridGov.Features.Registry;
using GridGov.Features.Registry.Dogs;
using GridGov.Features.Registry.People;
using GridGov.Features.Registry.Permits;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// 居住证 and 养犬登记 at a 1366×768 community desk: a second permit for someone who holds one is refused
// under the holder in Chinese, a first one is issued and listed; a permit is renewed and another
// cancelled with a reason after a confirmation, both seen after a reload; a dog missing its breed is
// refused under the field, fixed, saved, edited, and a stale edit shows the conflict; records marked
// 已核实 change their tag. Every step is checked in the database too.
[Collection(BrowserCollection.Name)]
public sealed class PermitDogFormsTests(BrowserApp app)
{
    const long Community = 320102002001;
    static DateOnly Today => ChinaTime.DateOf(DateTime.UtcNow);

    GridDbContext Db() => app.Services.GetRequiredService<GridDatabase>().CreateUnscoped(AuditActor.System);

    sealed record Someone(long Id, string Name, string IdMasked);

    // People of the demo community whose name finds few others, so that the pick list shows them.
    async Task<List<Someone>> FindableAsync(GridDbContext db, IQueryable<Person> people)
    {
        // As the search finds them: by name, or by a current address that contains the words.
        var all = await db.Set<Person>().Where(p => p.GridCode / 1000 == Community).Select(p => p.Name + "|" + p.CurrentAddress).ToListAsync();
        var rows = await people.Where(p => p.GridCode / 1000 == Community).OrderBy(p => p.Id).Select(p => new { p.Id, p.Name, p.IdMasked }).Take(400).ToListAsync();
        return [.. rows.Where(r => all.Count(n => n.Contains(r.Name)) <= 5).Select(r => new Someone(r.Id, r.Name, r.IdMasked))];
    }

    static ILocator Modal(IPage page, string form) => page.Locator(".ant-modal-content", new() { Has = page.Locator(form) });

    static async Task PickAsync(IPage page, string search, Someone who)
    {
        await page.Locator($"#{search}-input").FillAsync(who.Name);
        await page.Locator($"#{search}-input").PressAsync("Enter");
        await page.Locator($"#{search} .person-pick", new() { HasText = who.IdMasked }).ClickAsync();
    }

    // At 1366 wide the whole row is in view: nothing in the table scrolls sideways, the state and actions show.
    static async Task FitsAsync(IPage page, string table, params string[] cells)
    {
        var row = page.Locator($"{table} tr.ant-table-row").First;
        foreach (var cell in cells) await Assertions.Expect(row.Locator(cell)).ToBeInViewportAsync(new() { Ratio = 1 });
        Assert.Equal("", await page.Locator(table).EvaluateAsync<string>(
            "e => [...e.querySelectorAll('*')].filter(x => ['auto', 'scroll'].includes(getComputedStyle(x).overflowX) && x.scrollWidth > x.clientWidth + 1)"
            + ".map(x => x.className + ': ' + x.scrollWidth + ' > ' + x.clientWidth).join('; ')"));
    }

    static async Task SearchAsync(IPage page, string box, string text)
    {
        await page.FillAsync(box, text);
        await page.PressAsync(box, "Enter");
    }

    [Fact]
    public async Task A_permit_is_refused_to_a_holder_issued_to_another_renewed_cancelled_and_verified()
    {
        var t = Today;
        Someone holder, free, renewee;
        long held, expiring;
        await using (var db = Db())
        {
            var permits = db.Set<ResidencePermit>();
            var holders = await FindableAsync(db, db.Set<Person>().Where(p => permits.Any(x => x.PersonId == p.Id && x.CancelledOn == null && x.IssuedOn < t && x.ExpiresOn > t.AddDays(40))));
            var renewees = await FindableAsync(db, db.Set<Person>().Where(p => permits.Any(x => x.PersonId == p.Id && x.CancelledOn == null && x.IssuedOn < t && x.ExpiresOn > t.AddDays(3) && x.ExpiresOn <= t.AddDays(30))));
            var frees = await FindableAsync(db, db.Set<Person>().Where(p => p.Residency == ResidencyType.Floating
                && !permits.Any(x => x.PersonId == p.Id && (x.CancelledOn == null || x.CancelledOn > t) && (x.ExpiresOn >= t || x.IssuedOn == t))));
            (holder, renewee) = (holders[0], renewees.First(r => r.Id != holders[0].Id));
            free = frees.First(f => f.Id != holder.Id && f.Id != renewee.Id);
            held = await permits.Where(x => x.PersonId == holder.Id && x.CancelledOn == null && x.ExpiresOn > t).Select(x => x.Id).SingleAsync();
            expiring = await permits.Where(x => x.PersonId == renewee.Id && x.CancelledOn == null && x.IssuedOn < t && x.ExpiresOn > t.AddDays(3) && x.ExpiresOn <= t.AddDays(30))
                .Select(x => x.Id).SingleAsync();
            // An imported permit waits for its door-step check.
            await permits.Where(x => x.Id == held).ExecuteUpdateAsync(u => u.SetProperty(x => x.State, VerificationState.Pending));
        }

        var page = await app.LoginAsync("community");
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserApp.OpenAsync(page, "/registry/permits");
        await Assertions.Expect(page.Locator("#permits-table tr.ant-table-row").First).ToBeVisibleAsync();
        await FitsAsync(page, "#permits-table", ".permit-state", ".permit-renew", ".permit-cancel");
        await BrowserApp.ShotAsync(page, "permits-actions-1366");

        // Someone who holds a valid permit: refused, the reason under the holder.
        await page.ClickAsync("#permits-new");
        var dialog = Modal(page, "#permit-form");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await PickAsync(page, "permit-person", holder);
        await Assertions.Expect(page.Locator("#permit-person-picked")).ToContainTextAsync(holder.Name);
        await dialog.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator("#permit-f-person .gg-field-message")).ToContainTextAsync("已持有有效居住证");
        await Assertions.Expect(page.Locator("#permit-f-person .gg-field-message")).ToContainTextAsync("请在列表中续签");
        await BrowserApp.ShotAsync(page, "permit-dialog-error-1366");

        // Someone without one: issued for a year from today and listed.
        await PickAsync(page, "permit-person", free);
        await Assertions.Expect(page.Locator("#permit-f-person .gg-field-message")).ToHaveCountAsync(0);
        await page.FillAsync("#permit-issuedBy", "南京市公安局玄武分局");
        await page.PressAsync("#permit-issuedBy", "Tab");
        await dialog.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator("#permit-form")).ToHaveCountAsync(0);
        var issuedRow = page.Locator("#permits-table tr.ant-table-row", new() { HasText = free.IdMasked });
        await Assertions.Expect(issuedRow).ToContainTextAsync(ResidencePermit.DefaultExpiry(t).ToString("yyyy-MM-dd"));
        await Assertions.Expect(issuedRow.Locator(".permit-status")).ToHaveTextAsync("有效");
        long issued;
        await using (var db = Db())
        {
            var p = await db.Set<ResidencePermit>().SingleAsync(x => x.PersonId == free.Id && x.IssuedOn == t);
            Assert.Equal((ResidencePermit.DefaultExpiry(t), "南京市公安局玄武分局", (DateOnly?)null), (p.ExpiresOn, p.IssuedBy, p.CancelledOn));
            issued = p.Id;
            Assert.Null((await db.Set<ResidencePermit>().SingleAsync(x => x.Id == held)).CancelledOn);
        }

        // 续签 of a permit about to expire: after a reload the holder's permit runs another year.
        await SearchAsync(page, "#permits-search", renewee.Name);
        await page.Locator("#permits-table tr.ant-table-row", new() { HasText = renewee.IdMasked }).Locator(".permit-renew").ClickAsync();
        var renew = Modal(page, "#permit-renew-form");
        await Assertions.Expect(renew).ToContainTextAsync("即将到期");
        await BrowserApp.ShotAsync(page, "permit-renew-dialog-1366");
        await renew.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator("#permit-renew-form")).ToHaveCountAsync(0);
        await BrowserApp.OpenAsync(page, "/registry/permits");
        await SearchAsync(page, "#permits-search", renewee.Name);
        var renewed = page.Locator("#permits-table tr.ant-table-row", new() { HasText = renewee.IdMasked });
        await Assertions.Expect(renewed).ToContainTextAsync(ResidencePermit.DefaultExpiry(t).ToString("yyyy-MM-dd"));
        await Assertions.Expect(renewed.Locator(".permit-status")).ToHaveTextAsync("有效");
        await using (var db = Db())
        {
            Assert.Equal(t, (await db.Set<ResidencePermit>().SingleAsync(x => x.Id == expiring)).CancelledOn);
            Assert.True(await db.Set<ResidencePermit>().AnyAsync(x => x.PersonId == renewee.Id && x.IssuedOn == t && x.CancelledOn == null));
        }

        // 注销 the permit just issued: a reason, then a confirmation; after a reload it is listed as 已注销.
        await SearchAsync(page, "#permits-search", free.Name);
        await page.Locator("#permits-table tr.ant-table-row", new() { HasText = free.IdMasked }).Locator(".permit-cancel").ClickAsync();
        var cancel = Modal(page, "#permit-cancel-form");
        await cancel.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator("#permit-cancel-f-reason .gg-field-message")).ToHaveTextAsync("请选择注销原因");
        await page.Locator("#permit-cancel-form .permit-cancel-reason", new() { HasText = "持证人已迁出本地" }).ClickAsync();
        await cancel.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        var confirm = page.Locator(".ant-modal-confirm", new() { HasText = "确定注销" });
        await Assertions.Expect(confirm).ToBeVisibleAsync();
        await BrowserApp.ShotAsync(page, "permit-cancel-confirm-1366");
        await confirm.Locator(".ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator("#permit-cancel-form")).ToHaveCountAsync(0);
        await BrowserApp.OpenAsync(page, "/registry/permits");
        await SearchAsync(page, "#permits-search", free.Name);
        await Assertions.Expect(page.Locator("#permits-table tr.ant-table-row", new() { HasText = free.IdMasked })).ToHaveCountAsync(0);
        await page.Locator("#permits-status .ant-select-selector").ClickAsync();
        await page.Locator(".ant-select-item-option", new() { HasText = "已注销" }).ClickAsync();
        var cancelled = page.Locator("#permits-table tr.ant-table-row", new() { HasText = free.IdMasked });
        await Assertions.Expect(cancelled.Locator(".permit-status")).ToHaveTextAsync("已注销");
        await using (var db = Db())
        {
            Assert.Equal(t, (await db.Set<ResidencePermit>().SingleAsync(x => x.Id == issued)).CancelledOn);
            var audit = await db.AuditRecords.SingleAsync(a => a.Action == IssuePermit.CancelAction && a.EntityKey == issued.ToString());
            Assert.Contains("持证人已迁出本地", audit.After);
        }

        // The door-step check: 待核实 becomes 已核实 after a confirmation.
        await BrowserApp.OpenAsync(page, "/registry/permits");
        await SearchAsync(page, "#permits-search", holder.Name);
        var checkedRow = page.Locator("#permits-table tr.ant-table-row", new() { HasText = holder.IdMasked });
        await Assertions.Expect(checkedRow.Locator(".permit-state")).ToHaveTextAsync("待核实");
        await checkedRow.Locator(".permit-state").ClickAsync();
        var verified = page.Locator(".ant-dropdown:not(.ant-dropdown-hidden) .ant-dropdown-menu-item", new() { HasText = "已核实" });
        await Assertions.Expect(verified).ToBeVisibleAsync();
        await BrowserApp.ShotAsync(page, "permit-verify-menu-1366");
        await verified.ClickAsync();
        await page.Locator(".ant-modal-confirm", new() { HasText = "已核实" }).Locator(".ant-btn-primary").ClickAsync();
        await Assertions.Expect(checkedRow.Locator(".permit-state")).ToHaveTextAsync("已核实");
        await using (var db = Db())
        {
            var p = await db.Set<ResidencePermit>().SingleAsync(x => x.Id == held);
            Assert.Equal(VerificationState.Verified, p.State);
            Assert.NotNull(p.StateByName);
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_dog_is_refused_without_its_breed_then_registered_edited_and_verified()
    {
        Someone keeper;
        await using (var db = Db())
            keeper = (await FindableAsync(db, db.Set<Person>().Where(p => p.Residency == ResidencyType.Registered)))[0];
        var n = Random.Shared.Next(1000, 9999);
        var (dogName, licence) = ($"测犬{n}", $"宁犬测{n}");

        var page = await app.LoginAsync("community");
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserApp.OpenAsync(page, "/registry/dogs");
        await Assertions.Expect(page.Locator("#dogs-table tr.ant-table-row").First).ToBeVisibleAsync();
        await FitsAsync(page, "#dogs-table", ".dog-state", ".dog-edit");
        await BrowserApp.ShotAsync(page, "dogs-actions-1366");

        // Without a breed: refused, the message under 品种.
        await page.ClickAsync("#dogs-new");
        var editor = Modal(page, "#dog-form");
        await Assertions.Expect(editor).ToBeVisibleAsync();
        await editor.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator("#dog-f-keeper .gg-field-message")).ToHaveTextAsync("请先查找并选择犬主");
        await PickAsync(page, "dog-keeper", keeper);
        await Assertions.Expect(page.Locator("#dog-keeper-picked")).ToContainTextAsync(keeper.Name);
        await page.FillAsync("#dog-name", dogName);
        await page.PressAsync("#dog-name", "Tab");
        await page.FillAsync("#dog-licenceNo", licence);
        await page.PressAsync("#dog-licenceNo", "Tab");
        await page.Locator("#dog-f-gender label", new() { HasText = "母" }).ClickAsync();
        await editor.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator("#dog-f-breed .gg-field-message")).ToHaveTextAsync("请填写品种");
        await BrowserApp.ShotAsync(page, "dog-editor-error-1366");

        // Fixed and saved: the list shows it.
        await page.FillAsync("#dog-breed", "柯基");
        await page.PressAsync("#dog-breed", "Tab");
        await Assertions.Expect(page.Locator("#dog-f-breed .gg-field-message")).ToHaveCountAsync(0);
        await editor.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator("#dog-form")).ToHaveCountAsync(0);
        var row = page.Locator("#dogs-table tr.ant-table-row", new() { HasText = licence });
        await Assertions.Expect(row).ToContainTextAsync("柯基");
        await Assertions.Expect(row).ToContainTextAsync(keeper.Name);
        long id;
        await using (var db = Db())
        {
            var dog = await db.Set<Dog>().SingleAsync(d => d.LicenceNo == licence);
            Assert.Equal((keeper.Id, dogName, "柯基", "2", false, 0), (dog.KeeperId!.Value, dog.Name, dog.Breed, dog.Gender, dog.Restricted, dog.Version));
            id = dog.Id;
        }

        // Edited: the form comes filled in; a breed of the banned list is flagged.
        await row.Locator(".dog-edit").ClickAsync();
        await Assertions.Expect(page.Locator("#dog-breed")).ToHaveValueAsync("柯基");
        await Assertions.Expect(page.Locator("#dog-name")).ToHaveValueAsync(dogName);
        await page.FillAsync("#dog-breed", "藏獒");
        await page.PressAsync("#dog-breed", "Tab");
        await BrowserApp.ShotAsync(page, "dog-editor-edit-1366");
        await editor.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator("#dog-form")).ToHaveCountAsync(0);
        await Assertions.Expect(row.Locator(".dog-restricted")).ToHaveTextAsync("烈性犬");
        await using (var db = Db())
        {
            var dog = await db.Set<Dog>().SingleAsync(d => d.Id == id);
            Assert.Equal(("藏獒", true, 1), (dog.Breed, dog.Restricted, dog.Version));
        }

        // Someone else saved meanwhile: the edit shows the conflict and changes nothing.
        await row.Locator(".dog-edit").ClickAsync();
        await Assertions.Expect(page.Locator("#dog-breed")).ToHaveValueAsync("藏獒");
        await using (var db = Db())
            await db.Set<Dog>().Where(d => d.Id == id).ExecuteUpdateAsync(u => u.SetProperty(d => d.Version, d => d.Version + 1));
        await page.FillAsync("#dog-colour", "黄白");
        await page.PressAsync("#dog-colour", "Tab");
        await editor.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator("#dog-problem")).ToContainTextAsync("已被他人修改");
        await editor.Locator(".ant-modal-footer .ant-btn:not(.ant-btn-primary)").ClickAsync();
        await using (var db = Db())
        {
            Assert.Null((await db.Set<Dog>().SingleAsync(d => d.Id == id)).Colour);
            // As an imported record would: waiting for its door-step check.
            await db.Set<Dog>().Where(d => d.Id == id).ExecuteUpdateAsync(u => u.SetProperty(d => d.State, VerificationState.Pending));
        }

        // 已核实 from the row's 更多 menu, after a confirmation.
        await BrowserApp.OpenAsync(page, "/registry/dogs");
        await SearchAsync(page, "#dogs-search", licence);
        row = page.Locator("#dogs-table tr.ant-table-row", new() { HasText = licence });
        await Assertions.Expect(row.Locator(".dog-state")).ToHaveTextAsync("待核实");
        await row.Locator(".dog-state").ClickAsync();
        await page.Locator(".ant-dropdown:not(.ant-dropdown-hidden) .ant-dropdown-menu-item", new() { HasText = "已核实" }).ClickAsync();
        await page.Locator(".ant-modal-confirm", new() { HasText = "已核实" }).Locator(".ant-btn-primary").ClickAsync();
        await Assertions.Expect(row.Locator(".dog-state")).ToHaveTextAsync("已核实");
        await using (var db = Db())
            Assert.Equal(VerificationState.Verified, (await db.Set<Dog>().SingleAsync(d => d.Id == id)).State);
        await page.Context.CloseAsync();
    }
}
