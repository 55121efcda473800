using System.Net;
using System.Net.Http.Json;
using GridGov.Features.Registry.People;
using GridGov.Features.Registry.Permits;
using GridGov.Infrastructure;
using GridGov.Infrastructure.UseCases;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Registry;

// 居住证: expiry classified on the China date (today and +30 still warn, +31 does not, yesterday is
// expired), one valid permit per person (a second one is refused; a renewal cancels the old as of its date), the
// expiry warnings counted, a permit of another community 404 on read and write, and the import.
[Collection(NanjingCollection.Name)]
public sealed class PermitTests(GridGovApp app)
{
    readonly RegistryKit kit = new(app);
    static DateOnly Today => ChinaTime.DateOf(DateTime.UtcNow);

    [Fact]
    public void Expiry_is_classified_around_today()
    {
        var t = Today;
        Assert.Equal(PermitStatus.Expiring, PermitNames.StatusOf(t, null, t));
        Assert.Equal(PermitStatus.Expiring, PermitNames.StatusOf(t.AddDays(29), null, t));
        Assert.Equal(PermitStatus.Expiring, PermitNames.StatusOf(t.AddDays(30), null, t));
        Assert.Equal(PermitStatus.Valid, PermitNames.StatusOf(t.AddDays(31), null, t));
        Assert.Equal(PermitStatus.Expired, PermitNames.StatusOf(t.AddDays(-1), null, t));
        Assert.Equal(PermitStatus.Cancelled, PermitNames.StatusOf(t.AddDays(100), t, t));
        Assert.Equal(PermitStatus.Valid, PermitNames.StatusOf(t.AddDays(100), t.AddDays(1), t));
    }

    [Fact]
    public async Task Permits_are_listed_with_their_status_and_counted_as_warnings()
    {
        var client = await kit.As("community");
        var before = (await client.GetFromJsonAsync<PermitCounts>("/api/v1/registry/permits/counts", RegistryKit.Json))!;
        var people = await ThingsKit.PeopleAsync(app, kit, "community", "期甲", "期乙", "期丙", "期丁");
        var t = Today;
        var ends = new[] { t, t.AddDays(29), t.AddDays(31), t.AddDays(-1) };
        for (var i = 0; i < 4; i++)
        {
            var r = await client.PostAsJsonAsync("/api/v1/registry/permits", new PermitRequest(people[i], ends[i].AddYears(-1), ends[i], "居住证", "南京市公安局玄武分局"));
            Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        }
        var page = (await client.GetFromJsonAsync<PagedResult<PermitRow>>("/api/v1/registry/permits?keyword=期&pageSize=200", RegistryKit.Json))!;
        var mine = people.Select(id => page.Items.Single(p => p.PersonId == id)).ToList();
        Assert.Equal([PermitStatus.Expiring, PermitStatus.Expiring, PermitStatus.Valid, PermitStatus.Expired], mine.Select(p => p.Status));
        Assert.Equal([0, 29, 31, -1], mine.Select(p => p.DaysLeft));
        Assert.Equal("居住证", mine[0].KindName);
        Assert.Contains("**", mine[0].IdMasked);
        var after = (await client.GetFromJsonAsync<PermitCounts>("/api/v1/registry/permits/counts", RegistryKit.Json))!;
        Assert.Equal((before.Valid + 3, before.ExpiringSoon + 2, before.Expired + 1), (after.Valid, after.ExpiringSoon, after.Expired));

        var expired = (await client.GetFromJsonAsync<PagedResult<PermitRow>>("/api/v1/registry/permits?status=Expired&keyword=期丁", RegistryKit.Json))!;
        Assert.Equal(people[3], Assert.Single(expired.Items).PersonId);
        var export = await client.GetAsync("/api/v1/registry/permits/export?status=Expiring");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
    }

    [Fact]
    public async Task A_person_holds_one_valid_permit()
    {
        var client = await kit.As("community");
        var person = (await ThingsKit.PeopleAsync(app, kit, "community", "一证甲"))[0];
        var t = Today;
        var first = await Read(await client.PostAsJsonAsync("/api/v1/registry/permits", new PermitRequest(person, t.AddDays(-200), t.AddDays(165))));
        // A second permit while the first is in force is refused under the holder; the renewal replaces it.
        var refused = await client.PostAsJsonAsync("/api/v1/registry/permits", new PermitRequest(person, t.AddDays(-10), t.AddDays(355)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>();
        Assert.Contains("已持有有效居住证", Assert.Single(problem!.Errors["personId"]));
        // Issued the same day, or starting later within the period, is a second permit too.
        foreach (var start in new[] { t.AddDays(-200), t.AddDays(100) })
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/v1/registry/permits", new PermitRequest(person, start, start.AddDays(365)))).StatusCode);
        var second = await Read(await client.PostAsJsonAsync($"/api/v1/registry/permits/{first.Id}/renewal", new RenewPermitRequest(t.AddDays(-10), t.AddDays(355), Version: first.Version)));
        var old = (await client.GetFromJsonAsync<PermitRow>($"/api/v1/registry/permits/{first.Id}", RegistryKit.Json))!;
        Assert.Equal(t.AddDays(-10), old.CancelledOn);
        Assert.Equal(PermitStatus.Cancelled, old.Status);
        Assert.Equal(PermitStatus.Valid, second.Status);

        var stale = await client.PostAsJsonAsync($"/api/v1/registry/permits/{second.Id}/renewal", new RenewPermitRequest(t, t.AddYears(1), Version: second.Version + 5));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var renewed = await Read(await client.PostAsJsonAsync($"/api/v1/registry/permits/{second.Id}/renewal", new RenewPermitRequest(t, t.AddYears(1), Version: second.Version)));
        Assert.Equal(PermitStatus.Cancelled, (await client.GetFromJsonAsync<PermitRow>($"/api/v1/registry/permits/{second.Id}", RegistryKit.Json))!.Status);
        Assert.Equal(t.AddYears(1), renewed.ExpiresOn);

        var bad = await client.PostAsJsonAsync("/api/v1/registry/permits", new PermitRequest(person, t.AddDays(-5), t.AddDays(-6)));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("有效期至须晚于签发日期", await bad.Content.ReadAsStringAsync());

        var cancel = await client.PostAsJsonAsync($"/api/v1/registry/permits/{renewed.Id}/cancellation", new CancelPermitRequest(Reason: "持证人已迁出本市"));
        Assert.Equal(PermitStatus.Cancelled, (await Read(cancel)).Status);
        await using (var db = app.UnscopedDb())
        {
            var audit = await db.AuditRecords.SingleAsync(a => a.Action == IssuePermit.CancelAction && a.EntityKey == renewed.Id.ToString());
            Assert.Contains("持证人已迁出本市", audit.After);
        }
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"/api/v1/registry/permits/{renewed.Id}/cancellation", new CancelPermitRequest())).StatusCode);
    }

    [Fact]
    public async Task A_permit_of_another_community_is_not_found_for_reading_or_writing()
    {
        var person = (await ThingsKit.PeopleAsync(app, kit, "admin", ["外证甲"], grid: ThingsKit.OtherGrid))[0];
        var admin = await kit.As("admin");
        var t = Today;
        var permit = await Read(await admin.PostAsJsonAsync("/api/v1/registry/permits", new PermitRequest(person, t.AddDays(-30), t.AddDays(10))));
        var client = await kit.As("community");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/registry/permits/{permit.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/registry/permits/{permit.Id}/renewal", new RenewPermitRequest(t, t.AddYears(1)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/registry/permits/{permit.Id}/cancellation", new CancelPermitRequest())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/v1/registry/permits", new PermitRequest(person, t, t.AddYears(1)))).StatusCode);
        var page = (await client.GetFromJsonAsync<PagedResult<PermitRow>>("/api/v1/registry/permits?keyword=外证甲", RegistryKit.Json))!;
        Assert.Empty(page.Items);
        await using var db = app.UnscopedDb();
        var stored = await db.Set<ResidencePermit>().SingleAsync(p => p.Id == permit.Id);
        Assert.Null(stored.CancelledOn);
        Assert.Equal(1, await db.Set<ResidencePermit>().CountAsync(p => p.PersonId == person));
    }

    [Fact]
    public async Task Permits_are_imported_by_the_holders_id_number_and_unknown_people_quarantined()
    {
        var id = RegistryKit.NewId();
        await ThingsKit.PeopleAsync(app, kit, "community", ["导证甲"], ids: [id]);
        var t = Today;
        var file = RegistryKit.Xlsx(
        [
            new() { ["证件号码"] = id, ["姓名"] = "导证甲", ["签发日期"] = t.AddDays(-100).ToString("yyyy-MM-dd"), ["有效期至"] = t.AddDays(265).ToString("yyyy-MM-dd"), ["签发机关"] = "玄武分局" },
            new() { ["证件号码"] = RegistryKit.NewId(), ["姓名"] = "无此人", ["签发日期"] = "2025-01-01", ["有效期至"] = "2026-01-01", ["签发机关"] = "" },
            new() { ["证件号码"] = id, ["姓名"] = "导证甲", ["签发日期"] = "2025-01-01", ["有效期至"] = "2024-01-01", ["签发机关"] = "" },
        ]);
        var batch = await ThingsKit.ImportAsync(kit, "permits", "居住证.xlsx", file);
        Assert.Equal((1, 2), (batch.Inserted, batch.Rejected));
        var issues = await (await kit.As("community")).GetStringAsync($"/api/v1/registry/imports/{batch.Id}/issues");
        Assert.Contains("未找到此证件号码的人员", issues);
        Assert.Contains("有效期至须晚于签发日期", issues);
        Assert.DoesNotContain(id, issues);
        var again = await ThingsKit.ImportAsync(kit, "permits", "居住证2.xlsx", file);
        Assert.Equal((0, 1), (again.Inserted, again.Unchanged));
    }

    static async Task<PermitRow> Read(HttpResponseMessage r)
    {
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<PermitRow>(RegistryKit.Json))!;
    }
}

// Arranging the registry's smaller parts: people imported through the API (in the community's rooms,
// or by grid code elsewhere), imports of other targets run to their end.
static class ThingsKit
{
    // The first grid of the street's second community: outside the demo community account's scope.
    public const long OtherGrid = 320102002002001;

    public static async Task<List<long>> PeopleAsync(GridGovApp app, RegistryKit kit, string user, params string[] names) =>
        await PeopleAsync(app, kit, user, names, null, null);

    public static async Task<List<long>> PeopleAsync(GridGovApp app, RegistryKit kit, string user, string[] names, long? grid = null, string[]? ids = null)
    {
        var rooms = grid is null ? await kit.RoomsAsync(names.Length) : [];
        var rows = names.Select((n, i) => grid is null
            ? RegistryKit.Row(n, ids?[i] ?? RegistryKit.NewId(), "流动", rooms[i])
            : new Dictionary<string, object?> { ["姓名"] = n, ["公民身份号码"] = ids?[i] ?? RegistryKit.NewId(), ["人口类型"] = "流动", ["网格编码"] = grid.ToString() });
        var batch = await ImportAsync(kit, "people", "人员.xlsx", RegistryKit.Xlsx(rows), user);
        Assert.Equal(names.Length, batch.Inserted);
        await using var db = app.UnscopedDb();
        var found = await db.Set<Person>().Where(p => p.ImportBatchId == batch.Id).Select(p => new { p.Id, p.Name }).ToListAsync();
        return [.. names.Select(n => found.Single(f => f.Name == n).Id)];
    }

    public static async Task<GridGov.Infrastructure.Import.ImportBatchView> ImportAsync(RegistryKit kit, string target, string fileName, byte[] content, string user = "community")
    {
        var response = await kit.UploadAsync(user, fileName, content, target);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var batch = (await response.Content.ReadFromJsonAsync<GridGov.Infrastructure.Import.ImportBatchView>(RegistryKit.Json))!;
        return await kit.WaitAsync(user, batch.Id);
    }
}
