using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Features.Identity;
using GridGov.Features.Registry.Focus;
using GridGov.Features.Registry.People;
using GridGov.Features.Terminal.Home;
using GridGov.Features.Terminal.Visits;
using GridGov.Features.Tickets;
using GridGov.Infrastructure;
using GridGov.Tests.Infrastructure;
using GridGov.Tests.Registry;
using GridGov.Tests.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Tests.Terminal;

// 走访 through the API as the phone sends it: a visit moves the subject on, special and other
// communities' subjects are 404, a resent submission is written once, refusals are in Chinese, and
// the overdue visits reach their community once a day.
[Collection(NanjingCollection.Name)]
public sealed class FocusVisitTests(GridGovApp app)
{
    const string Api = "/api/v1/registry/focus";
    const string Password = "Visit-test-9k";
    const long OtherCommunity = 320102002002;
    readonly RegistryKit kit = new(app);
    static DateOnly Today => ChinaTime.DateOf(DateTime.UtcNow);

    // People of the demo community's first room (the grid worker's grid), imported under fresh names.
    async Task<List<long>> PeopleAsync(params string[] names)
    {
        var rooms = await kit.RoomsAsync(1);
        var batch = await kit.ImportAsync("community", "走访.xlsx", RegistryKit.Xlsx(names.Select(n => RegistryKit.Row(n, RegistryKit.NewId(), "户籍", rooms[0]))));
        await using var db = app.UnscopedDb();
        var people = await db.Set<Person>().Where(p => p.ImportBatchId == batch.Id).Select(p => new { p.Id, p.Name }).ToListAsync();
        return [.. names.Select(n => people.Single(p => p.Name == n).Id)];
    }

    async Task<FocusRow> SubjectAsync(object body)
    {
        var response = await (await kit.As("community")).PostAsJsonAsync(Api, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<FocusDetail>(RegistryKit.Json))!.Subject;
    }

    async Task<(string Name, long Id)> UserAsync(long unit, string role)
    {
        var name = "fv_" + Guid.NewGuid().ToString("N")[..8];
        var r = await (await kit.As("admin")).PostAsJsonAsync("/api/v1/users",
            new { userName = name, displayName = "走访" + name[3..7], orgUnitCode = unit, dataScope = "UnitAndBelow", roles = new[] { role }, password = Password });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (name, (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("id").GetInt64());
    }

    static async Task<FocusVisitSaved> SavedAsync(HttpResponseMessage r)
    {
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<FocusVisitSaved>(RegistryKit.Json))!;
    }

    async Task<WorkItem> VisitsItemAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<WorkList>("/api/v1/terminal/worklist", RegistryKit.Json))!.Items.Single(i => i.Kind == "visits");

    [Fact]
    public async Task A_visit_moves_the_next_visit_and_the_risk_and_keeps_its_photo_for_those_who_see_it()
    {
        var people = await PeopleAsync("走访低转高", "走访自定周期");
        var late = await SubjectAsync(new { personId = people[0], kind = "X02", risk = "Low", nextVisitDue = Today.AddDays(-3) });
        var custom = await SubjectAsync(new { personId = people[1], kind = "X03", risk = "Low", visitEveryDays = 10, nextVisitDue = Today });
        Assert.Equal((30, 3), (late.VisitEveryDays, late.OverdueDays));
        var grid = await kit.As("grid");
        var before = await VisitsItemAsync(grid);

        var photo = await TestPhotos.UploadAsync(grid);
        var saved = await SavedAsync(await grid.PostAsJsonAsync($"{Api}/{late.Id}/visits",
            new { findings = "本人在家，独自生活，近期身体不适", riskAfter = "High", lon = 118.79, lat = 32.05, photos = new[] { photo } }));
        // A rise to high takes high's weekly frequency, counted from the visit's China date.
        Assert.Equal((RiskLevel.High, 7, Today.AddDays(7), 0), (saved.Subject.Risk, saved.Subject.VisitEveryDays, saved.Subject.NextVisitDue, saved.Subject.OverdueDays));
        Assert.Equal((RiskLevel.Low, RiskLevel.High, "低", "高"), (saved.Visit.RiskBefore, saved.Visit.RiskAfter, saved.Visit.RiskBeforeName, saved.Visit.RiskAfterName));
        Assert.Equal([photo], saved.Visit.Photos);

        // Stored: the visit and the subject, read back behind the API.
        await using (var db = app.UnscopedDb())
        {
            var s = await db.Set<FocusSubject>().SingleAsync(x => x.Id == late.Id);
            Assert.Equal((RiskLevel.High, 7, Today.AddDays(7)), (s.Risk, s.VisitEveryDays, s.NextVisitDue));
            Assert.Equal(Today, ChinaTime.DateOf(s.LastVisitAt!.Value));
            var v = await db.Set<FocusVisit>().SingleAsync(x => x.FocusSubjectId == late.Id);
            Assert.Equal((s.GridCode, 118.79, 32.05, photo, "grid"), (v.GridCode, v.Lon!.Value, v.Lat!.Value, v.Photos, await db.Set<AppUser>().Where(u => u.Id == v.VisitorId).Select(u => u.UserName).SingleAsync()));
        }
        var visits = (await grid.GetFromJsonAsync<List<FocusVisitRow>>($"{Api}/{late.Id}/visits", RegistryKit.Json))!;
        Assert.Equal([saved.Visit.Id], visits.Select(v => v.Id));
        var image = await grid.GetAsync($"{Api}/{late.Id}/visits/{saved.Visit.Id}/photos/{photo}");
        Assert.Equal((HttpStatusCode.OK, "image/jpeg"), (image.StatusCode, image.Content.Headers.ContentType?.MediaType));
        // A photo of another visit, or a subject the visit is not of, is not served through it.
        Assert.Equal(HttpStatusCode.NotFound, (await grid.GetAsync($"{Api}/{custom.Id}/visits/{saved.Visit.Id}/photos/{photo}")).StatusCode);

        // A frequency set by hand stays when the risk changes; a visit sent late behind a newer one
        // is kept but moves nothing back.
        var second = await SavedAsync(await grid.PostAsJsonAsync($"{Api}/{custom.Id}/visits", new { findings = "情况稳定", riskAfter = "Medium" }));
        Assert.Equal((RiskLevel.Medium, 10, Today.AddDays(10)), (second.Subject.Risk, second.Subject.VisitEveryDays, second.Subject.NextVisitDue));
        var older = await SavedAsync(await grid.PostAsJsonAsync($"{Api}/{custom.Id}/visits",
            new { visitedAt = DateTime.UtcNow.AddDays(-2), findings = "两天前离线记录", riskAfter = "High" }));
        Assert.Equal((RiskLevel.Medium, Today.AddDays(10)), (older.Subject.Risk, older.Subject.NextVisitDue));
        Assert.Equal(2, (await grid.GetFromJsonAsync<List<FocusVisitRow>>($"{Api}/{custom.Id}/visits", RegistryKit.Json))!.Count);

        // The work list: both were due (one late); now neither is, and three visits were made today
        // (the one dated two days back is not today's).
        var after = await VisitsItemAsync(grid);
        Assert.Equal((before.Pending - 2, before.Overdue - 1, before.DoneToday + 2), (after.Pending, after.Overdue, after.DoneToday));
    }

    [Fact]
    public async Task A_special_subject_and_another_communitys_subject_answer_404()
    {
        var people = await PeopleAsync("走访矫正对象");
        var special = await SubjectAsync(new { personId = people[0], kind = "T18", risk = "High" });
        var grid = await kit.As("grid");
        var body = new { findings = "按时报到", riskAfter = "High" };
        Assert.Equal(HttpStatusCode.NotFound, (await grid.PostAsJsonAsync($"{Api}/{special.Id}/visits", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.GetAsync($"{Api}/{special.Id}/visits")).StatusCode);
        var community = await kit.As("community");
        var photo = await TestPhotos.UploadAsync(community);
        var visit = await SavedAsync(await community.PostAsJsonAsync($"{Api}/{special.Id}/visits", new { findings = "按时报到", riskAfter = "High", photos = new[] { photo } }));
        Assert.Equal(HttpStatusCode.NotFound, (await grid.GetAsync($"{Api}/{special.Id}/visits/{visit.Visit.Id}/photos/{photo}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await community.GetAsync($"{Api}/{special.Id}/visits/{visit.Visit.Id}/photos/{photo}")).StatusCode);

        var batch = await kit.ImportAsync("admin", "外社区走访.xlsx", RegistryKit.Xlsx([new() { ["姓名"] = "走访外社区", ["公民身份号码"] = RegistryKit.NewId(), ["人口类型"] = "户籍", ["网格编码"] = "320102002002001" }]));
        long elsewhere;
        await using (var db = app.UnscopedDb())
        {
            var person = await db.Set<Person>().Where(p => p.ImportBatchId == batch.Id).Select(p => p.Id).SingleAsync();
            var now = DateTime.UtcNow;
            var s = new FocusSubject { PersonId = person, Kind = "X03", Risk = RiskLevel.Low, VisitEveryDays = 30, NextVisitDue = Today, GridCode = 320102002002001, CreatedAt = now, UpdatedAt = now };
            db.Add(s);
            await db.SaveChangesAsync();
            elsewhere = s.Id;
        }
        Assert.Equal(HttpStatusCode.NotFound, (await community.PostAsJsonAsync($"{Api}/{elsewhere}/visits", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.PostAsJsonAsync($"{Api}/{elsewhere}/visits", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await community.GetAsync($"{Api}/{elsewhere}/visits")).StatusCode);
        await using var check = app.UnscopedDb();
        Assert.False(await check.Set<FocusVisit>().AnyAsync(v => v.FocusSubjectId == elsewhere));
        Assert.Equal(0, await check.Set<FocusSubject>().Where(s => s.Id == elsewhere).Select(s => s.Version).SingleAsync());
    }

    [Fact]
    public async Task The_same_client_id_twice_writes_one_visit()
    {
        var people = await PeopleAsync("走访重发");
        var subject = await SubjectAsync(new { personId = people[0], kind = "X04", risk = "Medium", nextVisitDue = Today });
        var grid = await kit.As("grid");
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Request() => new(HttpMethod.Post, $"{Api}/{subject.Id}/visits")
        {
            Content = JsonContent.Create(new { findings = "网络不好，提交了两次", riskAfter = "Medium" }), Headers = { { "X-Client-Id", key } },
        };
        var first = await grid.SendAsync(Request());
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var again = await grid.SendAsync(Request());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("repeated").GetBoolean());
        await using var db = app.UnscopedDb();
        Assert.Equal(1, await db.Set<FocusVisit>().CountAsync(v => v.FocusSubjectId == subject.Id));
        Assert.Equal(1, await db.Set<FocusSubject>().Where(s => s.Id == subject.Id).Select(s => s.Version).SingleAsync());
    }

    [Fact]
    public async Task Refusals_name_each_field_in_chinese_and_a_closed_subject_takes_no_visit()
    {
        var people = await PeopleAsync("走访校验");
        var subject = await SubjectAsync(new { personId = people[0], kind = "X02", risk = "Low" });
        var grid = await kit.As("grid");
        async Task<string> RefusedAsync(object body)
        {
            var r = await grid.PostAsJsonAsync($"{Api}/{subject.Id}/visits", body);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").ToString();
        }
        var empty = await RefusedAsync(new { findings = "  " });
        Assert.Contains("走访情况：必填", empty);
        Assert.Contains("走访后风险等级：必填", empty);
        Assert.Contains("不能超过 2000 个字", await RefusedAsync(new { findings = new string('情', 2001), riskAfter = "Low" }));
        Assert.Contains("走访时间：不能晚于当前时间", await RefusedAsync(new { findings = "未来", riskAfter = "Low", visitedAt = DateTime.UtcNow.AddHours(2) }));
        Assert.Contains("不能早于 7 天前", await RefusedAsync(new { findings = "太久", riskAfter = "Low", visitedAt = DateTime.UtcNow.AddDays(-8) }));
        Assert.Contains("经度和纬度应同时提供", await RefusedAsync(new { findings = "半个位置", riskAfter = "Low", lon = 118.8 }));
        Assert.Contains("不存在，请重新上传", await RefusedAsync(new { findings = "别人的照片", riskAfter = "Low", photos = new[] { new string('a', 64) } }));
        var badRisk = await grid.PostAsJsonAsync($"{Api}/{subject.Id}/visits", new { findings = "风险写错", riskAfter = "Extreme" });
        Assert.Equal(HttpStatusCode.BadRequest, badRisk.StatusCode);
        Assert.Contains("riskAfter", await badRisk.Content.ReadAsStringAsync());
        await using (var db = app.UnscopedDb()) Assert.False(await db.Set<FocusVisit>().AnyAsync(v => v.FocusSubjectId == subject.Id));

        var community = await kit.As("community");
        Assert.Equal(HttpStatusCode.OK, (await community.PostAsJsonAsync($"{Api}/{subject.Id}/close", new { reason = "已迁出" })).StatusCode);
        var closed = await grid.PostAsJsonAsync($"{Api}/{subject.Id}/visits", new { findings = "已搬走", riskAfter = "Low" });
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Contains("解除关注", await closed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Overdue_visits_reach_their_communitys_accounts_once_a_day_and_show_by_grid_and_worker()
    {
        var people = await PeopleAsync("逾期未访者");
        var late = await SubjectAsync(new { personId = people[0], kind = "X03", risk = "Medium", nextVisitDue = Today.AddDays(-4) });
        var elsewhere = await UserAsync(OtherCommunity, "community_director");
        long director, worker;
        await using (var db = app.UnscopedDb())
        {
            director = await db.Set<AppUser>().Where(u => u.UserName == "community").Select(u => u.Id).SingleAsync();
            worker = await db.Set<AppUser>().Where(u => u.UserName == "grid").Select(u => u.Id).SingleAsync();
        }

        var notices = app.Services.GetRequiredService<OverdueVisitNotices>();
        await notices.RunOnceAsync();
        await notices.RunOnceAsync();
        var since = ChinaTime.ToUtc(ChinaTime.FromUtc(DateTime.UtcNow).Date);
        await using (var db = app.UnscopedDb())
        {
            List<Notification> Of(long user) => [.. db.Notifications.IgnoreQueryFilters().Where(n => n.UserId == user && n.TicketId == 0 && n.At >= since)];
            var mine = Of(director);
            var notice = Assert.Single(mine);
            Assert.StartsWith(OverdueVisitNotices.Prefix, notice.Text);
            Assert.Contains("名重点关注对象走访已逾期", notice.Text);
            Assert.Contains("按网格", notice.Text);
            // Counts, never names: who is watched is not a notice's business.
            Assert.DoesNotContain("逾期未访者", notice.Text);
            // Another community has no overdue visits of its own and hears nothing of this one's; a grid worker is not a community account.
            Assert.Empty(Of(elsewhere.Id));
            Assert.Empty(Of(worker));
        }
        // A third run the same day sends nothing more.
        Assert.Equal(0, await notices.RunOnceAsync());

        var counts = (await (await kit.As("community")).GetFromJsonAsync<FocusCounts>($"{Api}/counts", RegistryKit.Json))!;
        Assert.Equal(counts.Overdue, counts.OverdueByGrid.Sum(g => g.Count));
        Assert.Equal(counts.Overdue, counts.OverdueByWorker.Sum(g => g.Count));
        Assert.Contains(counts.OverdueByGrid, g => g.Key == late.GridCode && g.Count >= 1 && g.Name.Length > 0);
        var none = await (await kit.As("community")).GetFromJsonAsync<FocusCounts>($"{Api}/counts?unit={OtherCommunity}", RegistryKit.Json);
        Assert.Empty(none!.OverdueByGrid);
    }
}
