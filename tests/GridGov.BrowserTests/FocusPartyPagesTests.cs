using GridGov.Features.Registry;
using GridGov.Features.Registry.Focus;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// 重点关注 and 党建 at the community desk, on a 1366×768 screen: the overdue filter shows the red
// "已逾期 N 天"; a party branch of the tree lists its members.
[Collection(BrowserCollection.Name)]
public sealed class FocusPartyPagesTests(BrowserApp app)
{
    const long Community = 320102002001;

    GridDbContext Db() => app.Services.GetRequiredService<GridDatabase>().CreateUnscoped(AuditActor.System);

    [Fact]
    public async Task The_community_sees_overdue_subjects_in_red_and_a_branch_with_its_members()
    {
        await using (var db = Db())
        {
            // One subject nine days overdue, whatever the demo data holds.
            var person = await db.Set<Person>().Where(p => p.GridCode / 1000 == Community).OrderBy(p => p.Id).FirstAsync();
            if (!await db.Set<FocusSubject>().AnyAsync(s => s.PersonId == person.Id && s.Kind == "X03"))
            {
                var now = DateTime.UtcNow;
                db.Add(new FocusSubject
                {
                    PersonId = person.Id, Kind = "X03", Risk = RiskLevel.High, VisitEveryDays = 7, NextVisitDue = ChinaTime.DateOf(now).AddDays(-9),
                    GridCode = person.GridCode, State = VerificationState.Verified, CreatedAt = now, UpdatedAt = now,
                });
                await db.SaveChangesAsync();
            }
        }
        var page = await app.LoginAsync("community");
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserApp.OpenAsync(page, "/registry/focus");
        await Assertions.Expect(page.Locator("#focus-table .ant-table-row").First).ToBeVisibleAsync();
        await page.Locator("#focus-due .ant-select-selector").ClickAsync();
        await page.Locator(".ant-select-item-option", new() { HasText = "已逾期" }).ClickAsync();
        await Assertions.Expect(page.Locator("#focus-table .focus-overdue").First).ToBeVisibleAsync();
        var overdue = page.Locator("#focus-table .focus-overdue", new() { HasText = "已逾期 9 天" }).First;
        await Assertions.Expect(overdue).ToBeVisibleAsync();
        Assert.Equal("rgb(207, 19, 34)", await overdue.EvaluateAsync<string>("e => getComputedStyle(e).color"));
        await page.Keyboard.PressAsync("Escape");
        await BrowserApp.ShotAsync(page, "registry-focus-overdue-1366");
        await page.Locator("#focus-table .focus-view").First.ClickAsync();
        await Assertions.Expect(page.Locator("#focus-detail")).ToBeVisibleAsync();
        await BrowserApp.ShotAsync(page, "registry-focus-drawer-1366");

        // 党建: the demo community's first branch and the members of its grids' groups.
        await BrowserApp.OpenAsync(page, "/registry/party");
        var branch = page.Locator("#party-tree .party-org", new() { HasText = "第一党支部" }).First;
        await Assertions.Expect(branch).ToBeVisibleAsync();
        await branch.ClickAsync();
        await Assertions.Expect(page.Locator(".ant-card-head-title", new() { HasText = "党员 · " })).ToContainTextAsync("第一党支部");
        await Assertions.Expect(page.Locator("#party-members .ant-table-row").First).ToBeVisibleAsync();
        var orgs = await page.Locator("#party-members .ant-table-row td:nth-child(5)").AllInnerTextsAsync();
        Assert.NotEmpty(orgs);
        Assert.All(orgs, o => Assert.Contains("网格党小组", o));
        await BrowserApp.ShotAsync(page, "registry-party-branch-1366");
        await page.Locator("#party-add").ClickAsync();
        await page.Locator("#party-person-input").FillAsync(await page.Locator("#party-members .ant-table-row .party-member").First.InnerTextAsync());
        await page.Locator("#party-person-input").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#party-person .person-pick").First).ToBeVisibleAsync();
        await BrowserApp.ShotAsync(page, "registry-party-add-1366");
        await page.Context.CloseAsync();
    }
}
