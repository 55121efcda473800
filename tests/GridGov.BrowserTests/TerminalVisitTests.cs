using System.Text.Json;
using GridGov.Features.Identity;
using GridGov.Features.Registry.Focus;
using GridGov.Features.Registry.Party;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkiaSharp;

namespace GridGov.BrowserTests;

// 走访 and 党建 on a phone over a 3G network: the due list, a visit with a photo and GPS through the
// outbox that takes the subject off the list, and a party member's participation.
[Collection(BrowserCollection.Name)]
public sealed class TerminalVisitTests(BrowserApp app)
{
    GridDbContext Db() => app.Services.GetRequiredService<GridDatabase>().CreateUnscoped(AuditActor.System);
    static DateOnly Today => ChinaTime.DateOf(DateTime.UtcNow);

    // An ordinary (not special) subject in the grid worker's grid, made two days overdue.
    async Task<(long Id, string Name)> OverdueSubjectAsync()
    {
        await using var db = Db();
        var grid = await db.Set<AppUser>().Where(u => u.UserName == "grid").Select(u => u.GridCode).SingleAsync();
        var s = await db.Set<FocusSubject>().Where(x => x.GridCode == grid && !x.Special && x.ClosedOn == null && x.Risk != RiskLevel.High)
            .OrderBy(x => x.Id).FirstAsync();
        (s.NextVisitDue, s.VisitEveryDays) = (Today.AddDays(-2), FocusSubject.DefaultVisitDays(s.Risk));
        await db.SaveChangesAsync();
        var name = await db.Set<GridGov.Features.Registry.People.Person>().Where(p => p.Id == s.PersonId).Select(p => p.Name).SingleAsync();
        return (s.Id, name);
    }

    [Fact]
    public async Task A_grid_worker_records_a_due_visit_with_a_photo_and_a_party_members_activity()
    {
        var (subject, name) = await OverdueSubjectAsync();
        int before;
        await using (var db = Db()) before = await db.Set<FocusVisit>().CountAsync(v => v.FocusSubjectId == subject);
        var (lon, lat) = await app.GridPointAsync("grid");
        var page = await app.PhoneAsync("grid", lon, lat);
        await BrowserApp.ThrottleAsync(page);

        await page.Locator("[data-work='visits']").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/m/visits"));
        var row = page.Locator($"#m-visits-due [data-subject='{subject}']");
        await Assertions.Expect(row).ToContainTextAsync(name);
        await Assertions.Expect(row.Locator("[data-overdue]")).ToHaveTextAsync("逾期 2 天");
        Assert.Equal("rgb(207, 19, 34)", await row.Locator("[data-overdue]").EvaluateAsync<string>("e => getComputedStyle(e).color"));
        await BrowserApp.ShotAsync(page, "m-visits");

        await row.ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith($"/m/visits/{subject}"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(name);
        await Assertions.Expect(page.Locator("[data-gps-status]")).ToContainTextAsync("已定位");
        await page.FillAsync("#m-visit-form textarea[name=findings]", "本人在家，情绪稳定，反映楼道灯坏了");
        await page.SelectOptionAsync("#m-visit-form select[name=riskAfter]", "High");
        await page.SetInputFilesAsync("#m-visit-form input[type=file]", new FilePayload { Name = "visit.jpg", MimeType = "image/jpeg", Buffer = Jpeg(1600, 1200) });
        await Assertions.Expect(page.Locator("#m-visit-form .m-photos img")).ToHaveCountAsync(1);
        await BrowserApp.ShotAsync(page, "m-visit-form");
        // Nothing wider than the phone (a stretched file input once was).
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390);
        await page.ClickAsync("#m-visit-form button[type=submit]");

        // Sent and back on the list: no longer due.
        await page.WaitForURLAsync(u => u.EndsWith("/m/visits"), new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#m-visit-kpis")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"#m-visits-due [data-subject='{subject}']")).ToHaveCountAsync(0);
        await BrowserApp.ShotAsync(page, "m-visits-after");

        var visits = JsonDocument.Parse(await (await page.Context.APIRequest.GetAsync($"/api/v1/registry/focus/{subject}/visits")).TextAsync()).RootElement;
        // Newest first: this one.
        Assert.Equal(before + 1, visits.GetArrayLength());
        var visit = visits[0];
        Assert.Equal("本人在家，情绪稳定，反映楼道灯坏了", visit.GetProperty("findings").GetString());
        Assert.Equal("High", visit.GetProperty("riskAfter").GetString());
        Assert.Single(visit.GetProperty("photos").EnumerateArray());
        Assert.InRange(visit.GetProperty("lon").GetDouble(), lon - 0.001, lon + 0.001);
        Assert.InRange(visit.GetProperty("lat").GetDouble(), lat - 0.001, lat + 0.001);
        Assert.InRange(visit.GetProperty("visitedAt").GetDateTime().ToUniversalTime(), DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
        var photo = visit.GetProperty("photos")[0].GetString();
        var image = await page.Context.APIRequest.GetAsync($"/api/v1/registry/focus/{subject}/visits/{visit.GetProperty("id").GetInt64()}/photos/{photo}");
        Assert.Equal(200, image.Status);
        await using (var db = Db())
        {
            var s = await db.Set<FocusSubject>().SingleAsync(x => x.Id == subject);
            Assert.Equal((RiskLevel.High, 7, Today.AddDays(7)), (s.Risk, s.VisitEveryDays, s.NextVisitDue));
        }
        await page.GotoAsync($"/m/visits/{subject}");
        await Assertions.Expect(page.Locator("#m-visit-history")).ToContainTextAsync("楼道灯坏了");
        await Assertions.Expect(page.Locator("#m-visit-history")).ToContainTextAsync("照片1");
        await BrowserApp.ShotAsync(page, "m-visit-history");

        // 党建: the grid's organisation, a member, an activity through the outbox.
        await page.GotoAsync("/m/party");
        await page.Locator("#m-party-orgs [data-org]").First.ClickAsync();
        await page.WaitForURLAsync(u => System.Text.RegularExpressions.Regex.IsMatch(u, @"/m/party/\d+$"));
        await BrowserApp.ShotAsync(page, "m-party-org");
        var member = page.Locator("#m-party-members [data-member]").First;
        var memberId = long.Parse((await member.GetAttributeAsync("data-member"))!);
        await member.ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith($"/m/party/member/{memberId}"));
        await page.SelectOptionAsync("#m-party-form select[name=kind]", "Volunteer");
        await page.FillAsync("#m-party-form input[name=title]", "协助社区敬老志愿服务");
        await page.FillAsync("#m-party-form input[name=hours]", "2.5");
        await BrowserApp.ShotAsync(page, "m-party-form");
        await page.ClickAsync("#m-party-form button[type=submit]");
        await Assertions.Expect(page.Locator("#m-party-activities")).ToContainTextAsync("协助社区敬老志愿服务", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#m-party-activities")).ToContainTextAsync("2.5 小时");
        await BrowserApp.ShotAsync(page, "m-party-member");
        await using (var db = Db())
        {
            var a = await db.Set<PartyActivity>().Where(x => x.PartyMemberId == memberId).OrderByDescending(x => x.Id).FirstAsync();
            Assert.Equal((PartyActivityKind.Volunteer, "协助社区敬老志愿服务", 2.5m, Today), (a.Kind, a.Title, a.Hours, a.On));
        }
    }

    [Fact]
    public async Task The_community_sees_where_visits_are_late_and_a_subjects_visits_at_a_desk()
    {
        var (subject, name) = await OverdueSubjectAsync();
        var (lon, lat) = await app.GridPointAsync("grid");
        var phone = await app.PhoneAsync("grid", lon, lat);
        var sent = await phone.Context.APIRequest.PostAsync($"/api/v1/registry/focus/{subject}/visits", new()
        {
            DataObject = new { findings = "家中无人，电话联系本人，下周再访", riskAfter = "Medium" },
            Headers = new Dictionary<string, string> { ["X-CSRF-TOKEN"] = await phone.Locator("meta[name=csrf-token]").GetAttributeAsync("content") ?? "" },
        });
        Assert.Equal(201, sent.Status);
        await phone.Context.CloseAsync();
        await OverdueSubjectAsync();

        var page = await app.LoginAsync("community");
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserApp.OpenAsync(page, "/registry/focus");
        var late = page.Locator("#focus-overdue-by");
        await Assertions.Expect(late.Locator(".focus-overdue-grid").First).ToBeVisibleAsync();
        await Assertions.Expect(late).ToContainTextAsync("第1网格");
        await page.FillAsync("#focus-search", name);
        await page.PressAsync("#focus-search", "Enter");
        string kind;
        await using (var db = Db()) kind = FocusKinds.Name(await db.Set<FocusSubject>().Where(s => s.Id == subject).Select(s => s.Kind).SingleAsync());
        await Assertions.Expect(page.Locator("#focus-table .ant-table-row").Filter(new() { HasNotText = name })).ToHaveCountAsync(0);
        await page.Locator("#focus-table .ant-table-row", new() { HasText = kind }).Locator(".focus-view").First.ClickAsync();
        var visits = page.Locator("#focus-visits");
        await Assertions.Expect(visits).ToContainTextAsync("家中无人，电话联系本人，下周再访");
        await Assertions.Expect(visits).ToContainTextAsync("风险");
        await BrowserApp.ShotAsync(page, "registry-focus-visits-1366");
    }

    // A smooth picture (small as a JPEG, so a 3G upload stays short) the size of a phone photo.
    static byte[] Jpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Shader = SKShader.CreateLinearGradient(new(0, 0), new(width, height), [SKColors.SkyBlue, SKColors.SeaGreen], SKShaderTileMode.Clamp) })
            canvas.DrawRect(0, 0, width, height, paint);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
