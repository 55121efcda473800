using GridGov.Features.Organization;
using GridGov.Features.Registry;
using GridGov.Features.Registry.Components;
using GridGov.Features.Registry.Party;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// The forms of 部件 and 党建 at the community desk on a 1366×768 screen: a component registered with a
// point outside the area gets the Chinese reason, then saved inside it, found in the table and on the
// map, changed (a stale version shows the conflict) and checked again; a party branch created under the
// community's committee and renamed, a member's category changed and a member removed with a reason.
[Collection(BrowserCollection.Name)]
public sealed class ComponentPartyFormsTests(BrowserApp app)
{
    const long Community = 320102002001;

    GridDbContext Db() => app.Services.GetRequiredService<GridDatabase>().CreateUnscoped(AuditActor.System);

    static ILocator Modal(IPage page, string formId) => page.Locator(".ant-modal", new() { Has = page.Locator($"#{formId}") });

    [Fact]
    public async Task A_component_is_placed_inside_the_area_found_changed_and_checked()
    {
        // A point inside the community (an existing component's) and one in a grid of another community.
        double inLon, inLat, outLon, outLat;
        await using (var db = Db())
        {
            var inside = await db.Set<Component>().Where(c => c.GridCode / 1000 == Community && c.Lon != null).OrderBy(c => c.Id).FirstAsync();
            (inLon, inLat) = (inside.Lon!.Value, inside.Lat!.Value);
            var other = await db.Set<OrgUnit>().Where(u => u.Level == OrgLevel.Grid && u.Code / 1000 != Community && u.Boundary != null).OrderBy(u => u.Code).FirstAsync();
            (outLon, outLat) = (other.LabelLon, other.LabelLat);
        }
        var page = await app.LoginAsync("community");
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserApp.OpenAsync(page, "/registry/components");
        await Assertions.Expect(page.Locator("#components-map[data-ready='1']")).ToBeAttachedAsync();

        await page.Locator("#components-add").ClickAsync();
        var modal = Modal(page, "component-form");
        await Assertions.Expect(page.Locator("#component-pick-map[data-ready='1']")).ToBeAttachedAsync();
        await PickClassAsync(page, "上水井盖");
        await page.FillAsync("#cf-name", "测试新增井盖");
        await page.PressAsync("#cf-name", "Tab");
        await page.FillAsync("#cf-location", "测试路东北角");
        await page.PressAsync("#cf-location", "Tab");
        // A click on the map fills the point.
        await page.Locator("#component-pick-map").ClickAsync();
        await Assertions.Expect(page.Locator("#cf-lon")).Not.ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("#cf-lat")).Not.ToHaveValueAsync("");

        await TypePointAsync(page, outLon, outLat);
        await modal.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        var lonItem = modal.Locator(".ant-form-item", new() { Has = page.Locator("#cf-lon") });
        await Assertions.Expect(lonItem.Locator(".ant-form-item-explain")).ToContainTextAsync("所在网格不在您的管理范围内");
        await Assertions.Expect(page.Locator("#component-form-error")).ToContainTextAsync("请按提示修改后再保存");
        await BrowserApp.ShotAsync(page, "component-form-outside-1366");

        await TypePointAsync(page, inLon, inLat);
        await Assertions.Expect(lonItem).Not.ToContainTextAsync("管理范围");
        await modal.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator(".ant-message")).ToContainTextAsync("已登记部件");
        await Assertions.Expect(page.Locator("#component-form")).ToBeHiddenAsync();

        long id;
        await using (var db = Db())
        {
            var saved = await db.Set<Component>().SingleAsync(c => c.Name == "测试新增井盖");
            Assert.Equal(("C0101", Community), (saved.ClassCode, saved.GridCode / 1000));
            Assert.Equal((inLon, inLat), (saved.Lon!.Value, saved.Lat!.Value), new PointComparer());
            id = saved.Id;
        }
        // Found by its place in the table, and alone on the map of that filter.
        await SearchAsync(page, "测试路东北角");
        var row = page.Locator("#components-table tr.ant-table-row");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("上水井盖");
        await Assertions.Expect(row).ToContainTextAsync("完好");
        await Assertions.Expect(page.Locator("#components-map[data-markers='1']")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("#components-map path.leaflet-interactive").First).ToBeVisibleAsync();

        // Changed by someone else meanwhile: the conflict shows and nothing is overwritten.
        await row.Locator(".component-edit").ClickAsync();
        await Assertions.Expect(page.Locator("#cf-name")).ToHaveValueAsync("测试新增井盖");
        await Assertions.Expect(page.Locator("#component-pick-map[data-ready='1']")).ToBeAttachedAsync();
        await using (var db = Db())
            await db.Set<Component>().Where(c => c.Id == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Version, c => c.Version + 1));
        await page.FillAsync("#cf-name", "测试新增井盖（改）");
        await page.PressAsync("#cf-name", "Tab");
        await modal.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator("#component-form-error")).ToContainTextAsync("该部件已被他人修改");
        await BrowserApp.ShotAsync(page, "component-form-conflict-1366");
        await modal.Locator(".ant-modal-footer .ant-btn:not(.ant-btn-primary)").ClickAsync();
        await Assertions.Expect(page.Locator("#component-form")).ToBeHiddenAsync();

        // Again from the fresh row: now it is saved.
        await row.Locator(".component-edit").ClickAsync();
        await Assertions.Expect(page.Locator("#cf-name")).ToHaveValueAsync("测试新增井盖");
        await page.FillAsync("#cf-name", "测试新增井盖（改）");
        await page.PressAsync("#cf-name", "Tab");
        await page.Locator("#cf-condition .ant-select-selector").ClickAsync();
        await page.Locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", new() { HasTextString = "损坏" }).ClickAsync();
        await Assertions.Expect(page.Locator("#cf-condition .ant-select-selection-item")).ToHaveTextAsync("损坏");
        await BrowserApp.ShotAsync(page, "component-form-edit-1366");
        await modal.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator("#component-form")).ToBeHiddenAsync();
        await Assertions.Expect(row.Locator(".ant-tag", new() { HasTextString = "损坏" })).ToBeVisibleAsync();

        // Checked on the spot: 已核实 with the checker and the time.
        DateTime? before;
        await using (var db = Db()) before = await db.Set<Component>().Where(c => c.Id == id).Select(c => c.StateAt).SingleAsync();
        await row.Locator(".component-verify").ClickAsync();
        await page.Locator(".component-verify-item", new() { HasTextString = "已核实" }).ClickAsync();
        var confirm = page.Locator(".ant-modal-confirm");
        await Assertions.Expect(confirm).ToContainTextAsync("标记为“已核实”");
        await BrowserApp.ShotAsync(page, "component-verify-confirm-1366");
        await confirm.Locator(".ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator(".ant-message")).ToContainTextAsync("标记为“已核实”");

        await BrowserApp.OpenAsync(page, "/registry/components");
        await SearchAsync(page, "测试路东北角");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator(".component-state")).ToHaveTextAsync("已核实");
        await Assertions.Expect(row.Locator(".ant-tag", new() { HasTextString = "损坏" })).ToBeVisibleAsync();
        await using (var db = Db())
        {
            var c = await db.Set<Component>().SingleAsync(c => c.Id == id);
            Assert.Equal(("测试新增井盖（改）", ComponentState.Damaged, VerificationState.Verified), (c.Name, c.Condition, c.State));
            Assert.NotEqual(before, c.StateAt);
            Assert.NotNull(c.StateById);
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_branch_is_created_and_renamed_a_member_changed_and_another_removed()
    {
        string committee, changed, removed;
        long changedId, removedId;
        await using (var db = Db())
        {
            committee = await db.Set<PartyOrg>().Where(o => o.Kind == PartyOrgKind.Committee && o.GridCode / 1000 == Community).Select(o => o.Name).FirstAsync();
            // Two full members whose names no other member of the area shares, so that a search finds one row.
            var members = await (from m in db.Set<PartyMember>()
                                 join p in db.Set<Person>() on m.PersonId equals p.Id
                                 where m.GridCode / 1000 == Community && m.State != VerificationState.Removed
                                 select new { m.Id, m.Status, p.Name }).ToListAsync();
            var unique = members.GroupBy(m => m.Name).Where(g => g.Count() == 1).Select(g => g.Single()).Where(m => m.Status == PartyMemberStatus.Full)
                .Where(m => !members.Any(o => o.Name != m.Name && o.Name.Contains(m.Name))).OrderBy(m => m.Id).Take(2).ToList();
            (changedId, changed, removedId, removed) = (unique[0].Id, unique[0].Name, unique[1].Id, unique[1].Name);
        }
        var page = await app.LoginAsync("community");
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserApp.OpenAsync(page, "/registry/party");

        // A new branch under the committee: the dialog offers the committee as its parent.
        await page.Locator("#party-tree .party-org", new() { HasText = committee }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".ant-card-head-title", new() { HasText = "党员 · " })).ToContainTextAsync(committee);
        await page.Locator("#party-org-new").ClickAsync();
        var orgModal = Modal(page, "party-org-form");
        await Assertions.Expect(page.Locator("#party-org-parent .ant-select-selection-item")).ToContainTextAsync(committee);
        await Assertions.Expect(page.Locator("#party-org-kind .ant-radio-button-wrapper-checked")).ToHaveTextAsync("党支部");
        // Without a name the API's message shows under the field.
        await orgModal.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(orgModal.Locator(".gg-field-message")).ToContainTextAsync("名称：必填");
        await page.FillAsync("#party-org-name", "测试滨河党支部");
        await page.PressAsync("#party-org-name", "Tab");
        await BrowserApp.ShotAsync(page, "party-org-new-1366");
        await orgModal.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator("#party-org-form")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#party-tree .party-org", new() { HasText = "测试滨河党支部" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".ant-card-head-title", new() { HasText = "党员 · " })).ToContainTextAsync("测试滨河党支部");

        // Renamed through 修改, which comes filled in.
        await page.Locator("#party-org-edit").ClickAsync();
        await Assertions.Expect(page.Locator("#party-org-name")).ToHaveValueAsync("测试滨河党支部");
        await page.FillAsync("#party-org-name", "测试滨江党支部");
        await page.PressAsync("#party-org-name", "Tab");
        await BrowserApp.ShotAsync(page, "party-org-edit-1366");
        await orgModal.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator("#party-org-form")).ToBeHiddenAsync();

        await BrowserApp.OpenAsync(page, "/registry/party");
        await Assertions.Expect(page.Locator("#party-tree .party-org", new() { HasText = "测试滨江党支部" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#party-tree .party-org", new() { HasText = "测试滨河党支部" })).ToHaveCountAsync(0);
        await BrowserApp.ShotAsync(page, "party-org-renamed-1366");
        await using (var db = Db())
        {
            var branch = await db.Set<PartyOrg>().SingleAsync(o => o.Name == "测试滨江党支部");
            var parent = await db.Set<PartyOrg>().SingleAsync(o => o.Id == branch.ParentId);
            Assert.Equal((PartyOrgKind.Branch, committee, parent.GridCode), (branch.Kind, parent.Name, branch.GridCode));
        }

        // A member's category: 正式党员 → 预备党员.
        var rows = page.Locator("#party-members tr.ant-table-row");
        await SearchPartyAsync(page, changed);
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await rows.Locator(".party-edit").ClickAsync();
        var memberModal = Modal(page, "party-add-form");
        await Assertions.Expect(page.Locator("#party-person-fixed")).ToContainTextAsync(changed);
        await page.Locator("#party-add-status .ant-radio-button-wrapper", new() { HasTextString = "预备党员" }).ClickAsync();
        await page.FillAsync("#party-add-duty", "楼栋党员中心户");
        await page.PressAsync("#party-add-duty", "Tab");
        await BrowserApp.ShotAsync(page, "party-member-edit-1366");
        await memberModal.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator("#party-add-form")).ToBeHiddenAsync();
        await BrowserApp.OpenAsync(page, "/registry/party");
        await SearchPartyAsync(page, changed);
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.Locator(".ant-tag")).ToHaveTextAsync("预备党员");
        await Assertions.Expect(rows).ToContainTextAsync("楼栋党员中心户");

        // Another member removed: the dialog asks for the reason and is the confirmation.
        await SearchPartyAsync(page, removed);
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await rows.Locator(".party-remove").ClickAsync();
        var removeModal = Modal(page, "party-remove-form");
        await Assertions.Expect(removeModal).ToContainTextAsync(removed);
        await removeModal.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(removeModal.Locator(".gg-field-message")).ToContainTextAsync("移除原因：必填");
        await page.Locator("#party-remove-kind .ant-radio-button-wrapper", new() { HasTextString = "组织关系转出" }).ClickAsync();
        await page.FillAsync("#party-remove-note", "转至梅园新村街道党工委");
        await page.PressAsync("#party-remove-note", "Tab");
        await BrowserApp.ShotAsync(page, "party-member-remove-1366");
        await removeModal.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator("#party-remove-form")).ToBeHiddenAsync();
        await BrowserApp.OpenAsync(page, "/registry/party");
        await SearchPartyAsync(page, removed);
        await Assertions.Expect(page.Locator("#party-empty")).ToBeVisibleAsync();

        await using (var db = Db())
        {
            var c = await db.Set<PartyMember>().SingleAsync(m => m.Id == changedId);
            Assert.Equal((PartyMemberStatus.Probationary, "楼栋党员中心户"), (c.Status, c.Duty));
            var r = await db.Set<PartyMember>().SingleAsync(m => m.Id == removedId);
            Assert.Equal((VerificationState.Removed, "组织关系转出：转至梅园新村街道党工委"), (r.State, r.RemovalReason));
        }
        await page.Context.CloseAsync();
    }

    static async Task PickClassAsync(IPage page, string name)
    {
        var chosen = page.Locator("#cf-class .ant-select-selection-item", new() { HasTextString = name });
        var item = page.Locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", new() { HasTextString = name }).First;
        for (var attempt = 0; attempt < 5 && !await chosen.IsVisibleAsync(); attempt++)
        {
            if (!await item.IsVisibleAsync())
            {
                await page.Locator("#cf-class .ant-select-selector").ClickAsync();
                await page.Keyboard.TypeAsync(name);
                try { await item.WaitForAsync(new() { Timeout = 3000 }); } catch (TimeoutException) { continue; }
            }
            await item.ClickAsync();
            try { await chosen.WaitForAsync(new() { Timeout = 3000 }); } catch (TimeoutException) { }
        }
        await Assertions.Expect(chosen).ToBeVisibleAsync();
    }

    static async Task TypePointAsync(IPage page, double lon, double lat)
    {
        await page.FillAsync("#cf-lon", lon.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        await page.PressAsync("#cf-lon", "Tab");
        await page.FillAsync("#cf-lat", lat.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        await page.PressAsync("#cf-lat", "Tab");
    }

    static async Task SearchAsync(IPage page, string keyword)
    {
        await page.FillAsync("#components-search", keyword);
        await page.PressAsync("#components-search", "Enter");
        await Assertions.Expect(page.Locator("#components-toolbar-total")).ToHaveTextAsync("共 1 条");
    }

    static async Task SearchPartyAsync(IPage page, string name)
    {
        await page.FillAsync("#party-search", name);
        await page.PressAsync("#party-search", "Enter");
        await Assertions.Expect(page.Locator("#party-toolbar-total")).ToBeVisibleAsync();
    }

    sealed class PointComparer : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) a, (double, double) b) => Math.Abs(a.Item1 - b.Item1) < 1e-6 && Math.Abs(a.Item2 - b.Item2) < 1e-6;
        public int GetHashCode((double, double) p) => 0;
    }
}
