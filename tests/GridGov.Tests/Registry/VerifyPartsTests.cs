using System.Net;
using System.Net.Http.Json;
using GridGov.Features.Registry;
using GridGov.Features.Registry.Units;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Registry;

// Units (and the other parts) are verified on the door step like people: the state with who and when,
// counted while pending, and only in the caller's area.
[Collection(NanjingCollection.Name)]
public sealed class VerifyPartsTests(GridGovApp app)
{
    readonly RegistryKit kit = new(app);

    [Fact]
    public async Task A_pending_unit_is_verified_in_the_area_and_not_outside_it()
    {
        var now = DateTime.UtcNow;
        Unit Make(long grid, string name) => new()
        {
            Kind = UnitKind.IndividualBusiness, Name = name, GridCode = grid, Source = RecordSource.Imported, State = VerificationState.Pending, CreatedAt = now, UpdatedAt = now,
        };
        var mine = Make(RegistryKit.Community * 1000 + 1, "核实小店" + Random.Shared.Next(1000, 9999));
        var other = Make(320102002002001, "外社区小店" + Random.Shared.Next(1000, 9999));
        await using (var db = app.UnscopedDb())
        {
            db.AddRange(mine, other);
            await db.SaveChangesAsync();
        }
        var grid = await kit.As("grid");
        var before = (await grid.GetFromJsonAsync<PendingCounts>("/api/v1/registry/pending", RegistryKit.Json))!;
        Assert.True(before.Units >= 1);

        var ok = await grid.PostAsJsonAsync($"/api/v1/registry/units/{mine.Id}/verification", new VerifyRequest(VerificationState.Verified, mine.Version), RegistryKit.Json);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var after = (await grid.GetFromJsonAsync<PendingCounts>("/api/v1/registry/pending", RegistryKit.Json))!;
        Assert.Equal(before.Units - 1, after.Units);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.PostAsJsonAsync($"/api/v1/registry/units/{other.Id}/verification",
            new VerifyRequest(VerificationState.Verified), RegistryKit.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.PostAsJsonAsync($"/api/v1/registry/tickets/{mine.Id}/verification",
            new VerifyRequest(VerificationState.Verified), RegistryKit.Json)).StatusCode);
        await using var check = app.UnscopedDb();
        var saved = await check.Set<Unit>().SingleAsync(u => u.Id == mine.Id);
        Assert.Equal(VerificationState.Verified, saved.State);
        Assert.NotNull(saved.StateByName);
        Assert.Equal(VerificationState.Pending, await check.Set<Unit>().Where(u => u.Id == other.Id).Select(u => u.State).SingleAsync());
    }
}
