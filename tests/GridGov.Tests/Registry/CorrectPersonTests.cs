using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Features.Identity;
using GridGov.Features.Registry;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Crypto;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Tests.Registry;

// 有误已更正 at the door: the worker corrects what changed and the record is verified, in one write.
[Collection(NanjingCollection.Name)]
public sealed class CorrectPersonTests(GridGovApp app)
{
    readonly RegistryKit kit = new(app);

    async Task<Person> PersonAsync(bool inWorkersGrid)
    {
        await using var db = app.UnscopedDb();
        var grid = await db.Set<AppUser>().Where(u => u.UserName == "grid").Select(u => u.OrgUnitCode).SingleAsync();
        var people = db.Set<Person>().Where(p => (p.GridCode == grid) == inWorkersGrid && p.State != VerificationState.Removed).OrderBy(p => p.Id);
        return await people.Skip(Random.Shared.Next(0, Math.Min(500, await people.CountAsync()))).FirstAsync();
    }

    [Fact]
    public async Task A_grid_worker_corrects_a_residents_phone_and_job_and_the_record_is_corrected()
    {
        var person = await PersonAsync(true);
        var grid = await kit.As("grid");
        var phone = RegistryKit.NewPhone();
        var r = await grid.PostAsJsonAsync($"/api/v1/registry/people/{person.Id}/correction", new { version = person.Version, phone, occupation = "快递员", workplace = "梅园新村快递驿站" });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        await using var db = app.UnscopedDb();
        var saved = await db.Set<Person>().SingleAsync(p => p.Id == person.Id);
        Assert.Equal(VerificationState.Corrected, saved.State);
        Assert.Equal(person.Version + 1, saved.Version);
        Assert.Equal(phone, app.Services.GetRequiredService<PersonalData>().Decrypt(saved.PhoneCipher!));
        Assert.Equal(("快递员", "梅园新村快递驿站"), (saved.Occupation, saved.Workplace));

        // The same version again is stale; nothing given is refused in Chinese; a bad number is named.
        Assert.Equal(HttpStatusCode.Conflict, (await grid.PostAsJsonAsync($"/api/v1/registry/people/{person.Id}/correction", new { version = person.Version, occupation = "教师" })).StatusCode);
        var empty = await grid.PostAsJsonAsync($"/api/v1/registry/people/{person.Id}/correction", new { version = saved.Version });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("更正的内容", (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("phone")[0].GetString());
        var bad = await grid.PostAsJsonAsync($"/api/v1/registry/people/{person.Id}/correction", new { version = saved.Version, phone = "12345" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.StartsWith("联系电话", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("phone")[0].GetString());
    }

    [Fact]
    public async Task A_person_outside_the_workers_grid_answers_404()
    {
        var person = await PersonAsync(false);
        var grid = await kit.As("grid");
        var r = await grid.PostAsJsonAsync($"/api/v1/registry/people/{person.Id}/correction", new { version = person.Version, occupation = "教师" });
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        await using var db = app.UnscopedDb();
        Assert.Equal(person.Version, (await db.Set<Person>().SingleAsync(p => p.Id == person.Id)).Version);
    }
}
