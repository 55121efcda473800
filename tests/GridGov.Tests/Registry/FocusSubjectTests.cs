using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Features.Identity;
using GridGov.Features.Registry.Focus;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure;
using GridGov.Infrastructure.UseCases;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Registry;

// 重点关注对象 through the API: due states computed in China time, special kinds behind their permission,
// the area's 404 on reads and writes, duplicates and stale versions as conflicts, a responsible worker who
// must see the grid.
[Collection(NanjingCollection.Name)]
public sealed class FocusSubjectTests(GridGovApp app)
{
    readonly RegistryKit kit = new(app);
    const string Api = "/api/v1/registry/focus";
    static DateOnly Today => ChinaTime.DateOf(DateTime.UtcNow);

    // People of the demo community's first room (the grid worker's grid), imported under fresh names.
    async Task<List<(long Id, long Grid)>> PeopleAsync(params string[] names)
    {
        var rooms = await kit.RoomsAsync(1);
        var batch = await kit.ImportAsync("community", "关注.xlsx", RegistryKit.Xlsx(names.Select(n => RegistryKit.Row(n, RegistryKit.NewId(), "户籍", rooms[0]))));
        await using var db = app.UnscopedDb();
        var people = await db.Set<Person>().Where(p => p.ImportBatchId == batch.Id).Select(p => new { p.Id, p.Name, p.GridCode }).ToListAsync();
        return [.. names.Select(n => people.Single(p => p.Name == n)).Select(p => (p.Id, p.GridCode))];
    }

    async Task<FocusDetail> CreateAsync(string user, object body)
    {
        var response = await (await kit.As(user)).PostAsJsonAsync(Api, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<FocusDetail>(RegistryKit.Json))!;
    }

    async Task<PagedResult<FocusRow>> ListAsync(string user, string query) =>
        (await (await kit.As(user)).GetFromJsonAsync<PagedResult<FocusRow>>($"{Api}?{query}", RegistryKit.Json))!;

    static async Task<string> ErrorsAsync(HttpResponseMessage r) => (await r.Content.ReadFromJsonAsync<JsonElement>()).ToString();

    [Fact]
    public async Task Lists_filter_by_kind_risk_and_due_state_with_overdue_days_in_china_time()
    {
        var people = await PeopleAsync("关注逾期甲", "关注将到乙", "关注未到丙");
        var before = (await (await kit.As("community")).GetFromJsonAsync<FocusCounts>($"{Api}/counts", RegistryKit.Json))!;
        var late = await CreateAsync("community", new { personId = people[0].Id, kind = "X02", risk = "High", nextVisitDue = Today.AddDays(-5) });
        var soon = await CreateAsync("community", new { personId = people[1].Id, kind = "X03", risk = "Low", nextVisitDue = Today.AddDays(2) });
        var later = await CreateAsync("community", new { personId = people[2].Id, kind = "X02", risk = "Medium" });
        Assert.Equal((5, false), (late.Subject.OverdueDays, late.Subject.DueSoon));
        Assert.Equal((0, true), (soon.Subject.OverdueDays, soon.Subject.DueSoon));
        Assert.Equal((14, Today.AddDays(14), "中"), (later.Subject.VisitEveryDays, later.Subject.NextVisitDue, later.Subject.RiskName));
        Assert.Equal(("独居老人", "关注逾期甲"), (late.Subject.KindName, late.Person.Name));
        Assert.Matches(@"^\w{4}\*+\w{4}$", late.Person.IdMasked);

        var overdue = await ListAsync("community", "due=Overdue&keyword=关注");
        Assert.Contains(overdue.Items, r => r.Id == late.Subject.Id && r.OverdueDays == 5);
        Assert.DoesNotContain(overdue.Items, r => r.Id == soon.Subject.Id || r.Id == later.Subject.Id);
        Assert.All((await ListAsync("community", "due=Overdue&pageSize=200")).Items, r => Assert.True(r.NextVisitDue < Today));
        var dueSoon = await ListAsync("community", "due=Soon&keyword=关注将到");
        Assert.Equal([soon.Subject.Id], dueSoon.Items.Select(r => r.Id));
        var elderly = await ListAsync("community", "kind=X02&keyword=关注");
        Assert.Equal([late.Subject.Id, later.Subject.Id], elderly.Items.Where(r => r.Name.StartsWith("关注")).Select(r => r.Id));
        Assert.Equal([later.Subject.Id], (await ListAsync("community", "kind=X02&risk=Medium&keyword=关注未到")).Items.Select(r => r.Id));
        Assert.Empty((await ListAsync("community", $"unit=320102002002&keyword=关注")).Items);
        var sorted = (await ListAsync("community", "pageSize=200")).Items;
        Assert.Equal(sorted.OrderBy(r => r.NextVisitDue).Select(r => r.Id), sorted.Select(r => r.Id));

        var after = (await (await kit.As("community")).GetFromJsonAsync<FocusCounts>($"{Api}/counts", RegistryKit.Json))!;
        Assert.Equal((before.Total + 3, before.Overdue + 1, before.DueSoon + 1, before.HighRisk + 1), (after.Total, after.Overdue, after.DueSoon, after.HighRisk));
        Assert.Equal((before.ByKind.FirstOrDefault(k => k.Kind == "X02")?.Count ?? 0) + 2, after.ByKind.Single(k => k.Kind == "X02").Count);

        var export = await (await kit.As("community")).GetAsync($"{Api}/export?due=Overdue");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        var rows = MiniExcelLibs.MiniExcel.Query(await export.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => (string)r["姓名"] == "关注逾期甲" && Convert.ToInt32(r["逾期天数"]) == 5 && ((string)r["公民身份号码"]).Contains('*'));
        Assert.DoesNotContain(rows, r => (string)r["姓名"] == "关注将到乙");
    }

    [Fact]
    public async Task The_detail_shows_the_class_record_with_masked_numbers_and_never_their_ciphertexts()
    {
        var people = await PeopleAsync("关注监护己");
        var subject = await CreateAsync("community", new { personId = people[0].Id, kind = "T19", risk = "High" });
        var (guardian, phone) = (RegistryKit.NewId(), RegistryKit.NewPhone());
        var community = await kit.As("community");
        var saved = await community.PutAsJsonAsync($"/api/v1/registry/people/{people[0].Id}/classes/T19",
            new PersonClassRequest(new() { ["监护人公民身份号码"] = guardian, ["监护人姓名"] = "监护庚", ["监护人联系方式"] = phone }));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var body = await community.GetStringAsync($"{Api}/{subject.Subject.Id}");
        var detail = JsonSerializer.Deserialize<FocusDetail>(body, RegistryKit.Json)!;
        var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(detail.ClassRecord!.Fields)!;
        Assert.Equal(guardian[..4] + "**********" + guardian[^4..], fields["监护人公民身份号码"]);
        Assert.DoesNotContain(fields.Keys, k => k.EndsWith(ClassFields.CipherSuffix, StringComparison.Ordinal));
        Assert.DoesNotContain("密文", body);
        Assert.DoesNotContain(guardian, body);
        Assert.DoesNotContain(phone, body);
    }

    [Fact]
    public async Task A_special_subject_is_seen_by_the_director_and_not_by_the_grid_worker()
    {
        var people = await PeopleAsync("关注矫正丁");
        var subject = await CreateAsync("community", new { personId = people[0].Id, kind = "T18", risk = "High", note = "每周报到" });
        Assert.True(subject.Subject.Special);
        Assert.Equal("T18", subject.ClassRecord?.Class);
        Assert.Contains((await ListAsync("community", "keyword=关注矫正丁")).Items, r => r.Id == subject.Subject.Id);

        var grid = await kit.As("grid");
        Assert.Equal(HttpStatusCode.OK, (await grid.GetAsync($"/api/v1/registry/people/{people[0].Id}")).StatusCode);
        Assert.Empty((await ListAsync("grid", "keyword=关注矫正丁")).Items);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.GetAsync($"{Api}/{subject.Subject.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.PutAsJsonAsync($"{Api}/{subject.Subject.Id}", new { risk = "Low", visitEveryDays = 30 })).StatusCode);
        Assert.DoesNotContain((await grid.GetFromJsonAsync<FocusCounts>($"{Api}/counts", RegistryKit.Json))!.ByKind, k => k.Kind == "T18");
        // Creating one needs the permission: 403 for a person the worker sees.
        var other = await PeopleAsync("关注矫正戊");
        var refused = await grid.PostAsJsonAsync(Api, new { personId = other[0].Id, kind = "T19", risk = "High" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var ordinary = await grid.PostAsJsonAsync(Api, new { personId = other[0].Id, kind = "X04", risk = "Low" });
        Assert.Equal(HttpStatusCode.Created, ordinary.StatusCode);
    }

    [Fact]
    public async Task Another_community_subject_answers_404_on_read_and_write()
    {
        var batch = await kit.ImportAsync("admin", "外社区.xlsx", RegistryKit.Xlsx([new() { ["姓名"] = "关注外己", ["公民身份号码"] = RegistryKit.NewId(), ["人口类型"] = "户籍", ["网格编码"] = "320102002002001" }]));
        long personId, subjectId;
        await using (var db = app.UnscopedDb())
        {
            personId = await db.Set<Person>().Where(p => p.ImportBatchId == batch.Id).Select(p => p.Id).SingleAsync();
            var now = DateTime.UtcNow;
            var s = new FocusSubject { PersonId = personId, Kind = "X03", Risk = RiskLevel.Low, VisitEveryDays = 30, NextVisitDue = Today, GridCode = 320102002002001, CreatedAt = now, UpdatedAt = now };
            db.Add(s);
            await db.SaveChangesAsync();
            subjectId = s.Id;
        }
        var community = await kit.As("community");
        Assert.Equal(HttpStatusCode.NotFound, (await community.GetAsync($"{Api}/{subjectId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await community.PutAsJsonAsync($"{Api}/{subjectId}", new { risk = "High", visitEveryDays = 7 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await community.PostAsJsonAsync($"{Api}/{subjectId}/close", new { reason = "迁出" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await community.PostAsJsonAsync(Api, new { personId, kind = "X02", risk = "Low" })).StatusCode);
        Assert.DoesNotContain((await ListAsync("community", "keyword=关注外己")).Items, r => r.Id == subjectId);
        await using var check = app.UnscopedDb();
        Assert.Equal((RiskLevel.Low, 0), await check.Set<FocusSubject>().Where(s => s.Id == subjectId).Select(s => new { s.Risk, s.Version }).SingleAsync() is var s2 ? (s2.Risk, s2.Version) : default);
        // The city sees it.
        Assert.Equal(HttpStatusCode.OK, (await (await kit.As("admin")).GetAsync($"{Api}/{subjectId}")).StatusCode);
    }

    [Fact]
    public async Task Duplicates_stale_versions_unknown_kinds_and_workers_outside_the_grid_are_refused_in_chinese()
    {
        var people = await PeopleAsync("关注重复庚");
        var (person, grid) = people[0];
        long gridWorker, outsider;
        await using (var db = app.UnscopedDb())
        {
            gridWorker = await db.Set<AppUser>().Where(u => u.UserName == "grid").Select(u => u.Id).SingleAsync();
            var other = grid + 1;
            var user = await db.Set<AppUser>().FirstOrDefaultAsync(u => u.UserName == "focus-other-grid");
            if (user is null)
            {
                user = new AppUser
                {
                    UserName = "focus-other-grid", NormalizedUserName = "FOCUS-OTHER-GRID", DisplayName = "邻网格网格员", OrgUnitCode = other, GridCode = other,
                    DataScope = GridGov.Infrastructure.Security.DataScopeKind.UnitAndBelow, SecurityStamp = Guid.NewGuid().ToString(), CreatedAt = DateTime.UtcNow,
                };
                db.Add(user);
                await db.SaveChangesAsync();
            }
            outsider = user.Id;
        }
        var client = await kit.As("community");
        var unknown = await client.PostAsJsonAsync(Api, new { personId = person, kind = "T12", risk = "Low" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("关注类别", await ErrorsAsync(unknown));
        var badWorker = await client.PostAsJsonAsync(Api, new { personId = person, kind = "X02", risk = "Low", responsibleId = outsider });
        Assert.Equal(HttpStatusCode.BadRequest, badWorker.StatusCode);
        Assert.Contains("数据范围不包含该人员所在网格", await ErrorsAsync(badWorker));

        var created = await CreateAsync("community", new { personId = person, kind = "X02", risk = "Low", responsibleId = gridWorker });
        Assert.Equal((gridWorker, 30), (created.Subject.ResponsibleId, created.Subject.VisitEveryDays));
        Assert.False(string.IsNullOrEmpty(created.Subject.ResponsibleName));
        var workers = (await client.GetFromJsonAsync<List<FocusWorker>>($"{Api}/workers?grid={grid}", RegistryKit.Json))!;
        Assert.Contains(workers, w => w.UserName == "grid");
        Assert.DoesNotContain(workers, w => w.Id == outsider);

        var duplicate = await client.PostAsJsonAsync(Api, new { personId = person, kind = "X02", risk = "High" });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains("已是“独居老人”类别的重点关注对象", await duplicate.Content.ReadAsStringAsync());

        var id = created.Subject.Id;
        var version = created.Subject.Version;
        var moved = await client.PutAsJsonAsync($"{Api}/{id}", new { risk = "High", visitEveryDays = 30, responsibleId = outsider, version });
        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        Assert.Contains("邻网格网格员", await ErrorsAsync(moved));
        var edited = await client.PutAsJsonAsync($"{Api}/{id}", new { risk = "High", visitEveryDays = 7, responsibleId = gridWorker, note = "子女在外地", version });
        Assert.True(edited.IsSuccessStatusCode, await edited.Content.ReadAsStringAsync());
        var detail = (await edited.Content.ReadFromJsonAsync<FocusDetail>(RegistryKit.Json))!;
        Assert.Equal((RiskLevel.High, 7, "子女在外地", version + 1), (detail.Subject.Risk, detail.Subject.VisitEveryDays, detail.Subject.Note, detail.Subject.Version));
        var stale = await client.PutAsJsonAsync($"{Api}/{id}", new { risk = "Low", visitEveryDays = 30, version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("已被他人修改", await stale.Content.ReadAsStringAsync());
        var tooOften = await client.PutAsJsonAsync($"{Api}/{id}", new { risk = "Low", visitEveryDays = 0, version = version + 1 });
        Assert.Contains("走访周期", await ErrorsAsync(tooOften));

        var closed = await client.PostAsJsonAsync($"{Api}/{id}/close", new { reason = "已随子女迁居外地", version = version + 1 });
        Assert.True(closed.IsSuccessStatusCode, await closed.Content.ReadAsStringAsync());
        var after = (await closed.Content.ReadFromJsonAsync<FocusDetail>(RegistryKit.Json))!;
        Assert.Equal(Today, after.Subject.ClosedOn);
        Assert.Contains("解除关注：已随子女迁居外地", after.Subject.Note);
        Assert.DoesNotContain((await ListAsync("community", "keyword=关注重复庚")).Items, r => r.Id == id);
        Assert.Contains((await ListAsync("community", "keyword=关注重复庚&includeClosed=true")).Items, r => r.Id == id);
    }
}
