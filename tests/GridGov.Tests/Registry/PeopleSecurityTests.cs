using System.Net;
using System.Net.Http.Json;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.UseCases;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Registry;

// ID and phone numbers: encrypted at rest, found by exact match, masked in lists and pages, unmasked
// only with the permission and then audited without the number; a person of another community is 404.
[Collection(NanjingCollection.Name)]
public sealed class PeopleSecurityTests(GridGovApp app)
{
    readonly RegistryKit kit = new(app);
    // The first grid of the street's second community: outside the demo community account's scope.
    const long OtherGrid = 320102002002001;

    async Task<(string Id, string Phone, long PersonId)> ImportOneAsync(string name)
    {
        var rooms = await kit.RoomsAsync(1);
        var (id, phone) = (RegistryKit.NewId(), RegistryKit.NewPhone());
        var batch = await kit.ImportAsync("community", "一人.xlsx", RegistryKit.Xlsx([RegistryKit.Row(name, id, "户籍", rooms[0], phone)]));
        Assert.Equal(1, batch.Inserted);
        await using var db = app.UnscopedDb();
        return (id, phone, await db.Set<Person>().Where(p => p.ImportBatchId == batch.Id).Select(p => p.Id).SingleAsync());
    }

    static async Task<PagedResult<PersonRow>> SearchAsync(HttpClient client, string keyword)
    {
        var response = await client.PostAsJsonAsync("/api/v1/registry/people/search", new { keyword });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PagedResult<PersonRow>>(RegistryKit.Json))!;
    }

    [Fact]
    public async Task The_numbers_are_stored_encrypted_and_never_in_the_audit_trail()
    {
        var (id, phone, personId) = await ImportOneAsync("密存甲");
        await using var db = app.UnscopedDb();
        var person = await db.Set<Person>().AsNoTracking().SingleAsync(p => p.Id == personId);
        var stored = typeof(Person).GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => (string?)p.GetValue(person)).OfType<string>().ToList();
        Assert.DoesNotContain(stored, v => v.Contains(id[6..14] + id[14..]) || v.Contains(phone[3..]));
        Assert.Equal(id[..4] + "**********" + id[^4..], person.IdMasked);
        var audit = await db.AuditRecords.AsNoTracking().Select(a => (a.Before ?? "") + (a.After ?? "")).ToListAsync();
        Assert.DoesNotContain(audit, a => a.Contains(id) || a.Contains(phone));
    }

    [Fact]
    public async Task A_person_is_found_by_the_exact_id_number_or_phone_and_shown_masked()
    {
        var (id, phone, personId) = await ImportOneAsync("查找甲");
        var client = await kit.As("community");
        foreach (var keyword in new[] { id, id.ToLowerInvariant(), phone, "+86 " + phone })
        {
            var response = await client.PostAsJsonAsync("/api/v1/registry/people/search", new { keyword });
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, text);
            Assert.DoesNotContain(id, text);
            var page = System.Text.Json.JsonSerializer.Deserialize<PagedResult<PersonRow>>(text, RegistryKit.Json)!;
            var row = Assert.Single(page.Items);
            Assert.Equal((personId, id[..4] + "**********" + id[^4..], phone[..3] + "****" + phone[^4..]), (row.Id, row.IdMasked, row.PhoneMasked));
        }
        // A near miss finds nobody: the match is exact.
        var other = id[..16] + (id[16] == '1' ? '3' : '1');
        other += RegistryKit.Check(other);
        Assert.Empty((await SearchAsync(client, other)).Items);
        // A number never goes into a URL: the list and its export refuse it there.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/registry/people?keyword={id}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/registry/people/export?keyword={phone}")).StatusCode);
        var detail = await client.GetStringAsync($"/api/v1/registry/people/{personId}");
        Assert.DoesNotContain(id, detail);
        Assert.DoesNotContain(phone, detail);
    }

    [Fact]
    public async Task Unmasking_needs_the_permission_and_is_audited_without_the_number()
    {
        var (id, phone, personId) = await ImportOneAsync("揭示甲");
        var denied = await (await kit.As("grid")).PostAsync($"/api/v1/registry/people/{personId}/reveal", null);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);

        var response = await (await kit.As("community")).PostAsync($"/api/v1/registry/people/{personId}/reveal", null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var secrets = (await response.Content.ReadFromJsonAsync<PersonSecrets>(RegistryKit.Json))!;
        Assert.Equal((id, phone), (secrets.IdNumber, secrets.Phone));

        await using var db = app.UnscopedDb();
        var record = await db.AuditRecords.AsNoTracking().Where(a => a.Action == RevealPerson.Action && a.EntityKey == personId.ToString()).SingleAsync();
        Assert.Equal((nameof(Person), "community"), (record.EntityType, record.ActorName));
        Assert.DoesNotContain(id, record.After);
        Assert.DoesNotContain(phone, record.After);
    }

    [Fact]
    public async Task A_community_user_gets_404_for_another_communitys_person_and_cannot_import_over_it()
    {
        var id = RegistryKit.NewId();
        var batch = await kit.ImportAsync("admin", "外社区.xlsx", RegistryKit.Xlsx(
            [new() { ["姓名"] = "外社区甲", ["公民身份号码"] = id, ["人口类型"] = "户籍", ["网格编码"] = OtherGrid.ToString() }]));
        Assert.Equal(1, batch.Inserted);
        await using var db = app.UnscopedDb();
        var personId = await db.Set<Person>().Where(p => p.ImportBatchId == batch.Id).Select(p => p.Id).SingleAsync();

        var community = await kit.As("community");
        Assert.Equal(HttpStatusCode.NotFound, (await community.GetAsync($"/api/v1/registry/people/{personId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await community.PostAsync($"/api/v1/registry/people/{personId}/reveal", null)).StatusCode);
        Assert.Empty((await SearchAsync(community, id)).Items);
        Assert.Single((await SearchAsync(await kit.As("admin"), id)).Items);
        Assert.DoesNotContain((await community.GetFromJsonAsync<PagedResult<PersonRow>>("/api/v1/registry/people?keyword=外社区甲", RegistryKit.Json))!.Items, p => p.Id == personId);
        // The admin's batch is not the community's either.
        Assert.Equal(HttpStatusCode.NotFound, (await community.GetAsync($"/api/v1/registry/imports/{batch.Id}")).StatusCode);

        // Importing the same person into the community changes nothing of the record outside its scope.
        var rooms = await kit.RoomsAsync(1);
        var over = await kit.ImportAsync("community", "越界.xlsx", RegistryKit.Xlsx([RegistryKit.Row("越界改名", id, "流动", rooms[0])]));
        Assert.Equal((0, 1), (over.Inserted, over.Rejected));
        var person = await db.Set<Person>().AsNoTracking().SingleAsync(p => p.Id == personId);
        Assert.Equal(("外社区甲", OtherGrid), (person.Name, person.GridCode));
        // Nor can it place a person in a grid outside its scope by code.
        var outside = await kit.ImportAsync("community", "越界网格.xlsx", RegistryKit.Xlsx(
            [new() { ["姓名"] = "越界乙", ["公民身份号码"] = RegistryKit.NewId(), ["人口类型"] = "户籍", ["网格编码"] = OtherGrid.ToString() }]));
        Assert.Equal((0, 1), (outside.Inserted, outside.Rejected));
    }
}
