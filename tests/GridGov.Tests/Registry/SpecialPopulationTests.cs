using System.Net.Http.Json;
using GridGov.Features.Registry;
using GridGov.Features.Registry.People;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Registry;

// 特殊人群 records need their own permission even to be listed: the community director (who holds
// registry.special) sees a person's 社区矫正 record; the grid worker of the same grid sees the person and
// the ordinary classes, not that record.
[Collection(NanjingCollection.Name)]
public sealed class SpecialPopulationTests(GridGovApp app)
{
    readonly RegistryKit kit = new(app);

    [Fact]
    public async Task Special_class_records_are_listed_only_with_the_permission()
    {
        var rooms = await kit.RoomsAsync(1);
        var batch = await kit.ImportAsync("community", "矫正.xlsx", RegistryKit.Xlsx([RegistryKit.Row("矫正甲", RegistryKit.NewId(), "户籍", rooms[0])]));
        await using (var db = app.UnscopedDb())
        {
            var person = await db.Set<Person>().SingleAsync(p => p.ImportBatchId == batch.Id);
            var now = DateTime.UtcNow;
            db.AddRange(
                new PersonClassRecord { PersonId = person.Id, Class = "T12", Special = false, GridCode = person.GridCode, CreatedAt = now, UpdatedAt = now },
                new PersonClassRecord { PersonId = person.Id, Class = "T18", Special = true, GridCode = person.GridCode, Fields = "{\"矫正类别\":\"01\"}", CreatedAt = now, UpdatedAt = now });
            await db.SaveChangesAsync();
        }
        long id;
        await using (var db = app.UnscopedDb()) id = await db.Set<Person>().Where(p => p.ImportBatchId == batch.Id).Select(p => p.Id).SingleAsync();

        var director = (await (await kit.As("community")).GetFromJsonAsync<List<PersonClassRow>>($"/api/v1/registry/people/{id}/classes", RegistryKit.Json))!;
        Assert.Equal(["T12", "T18"], director.Select(c => c.Class));
        Assert.Equal("社区矫正人员", director[1].Name);

        var worker = (await (await kit.As("grid")).GetFromJsonAsync<List<PersonClassRow>>($"/api/v1/registry/people/{id}/classes", RegistryKit.Json))!;
        Assert.Equal(["T12"], worker.Select(c => c.Class));
    }
}
