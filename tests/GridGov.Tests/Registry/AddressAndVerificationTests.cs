using System.Net;
using System.Net.Http.Json;
using GridGov.Features.Registry;
using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.People;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Registry;

// Standard addresses and door-step verification through the API, within the data scope.
[Collection(NanjingCollection.Name)]
public sealed class AddressAndVerificationTests(GridGovApp app)
{
    readonly RegistryKit kit = new(app);
    // The street's second community: outside the demo community account's scope, inside the street's.
    const long OtherCommunity = 320102002002;

    [Fact]
    public async Task The_address_tree_goes_from_compound_to_room_and_a_room_shows_its_residents_masked()
    {
        var client = await kit.As("community");
        var roots = (await client.GetFromJsonAsync<List<AddressNode>>($"/api/v1/registry/addresses?community={RegistryKit.Community}", RegistryKit.Json))!;
        Assert.Contains(roots, r => r.Kind == AddressKind.Compound && r.HasChildren);
        var node = roots.First(r => r.Kind == AddressKind.Compound);
        foreach (var kind in new[] { AddressKind.Building, AddressKind.Unit, AddressKind.Room })
        {
            var children = (await client.GetFromJsonAsync<List<AddressNode>>($"/api/v1/registry/addresses?parent={node.Id}", RegistryKit.Json))!;
            node = children.First();
            Assert.Equal(kind, node.Kind);
            Assert.StartsWith(roots.First(r => r.Kind == AddressKind.Compound).Name, node.FullName);
        }
        var room = (await client.GetFromJsonAsync<AddressDetail>($"/api/v1/registry/addresses/{node.Id}", RegistryKit.Json))!;
        Assert.Equal($"/m/a/{room.Code}", room.TerminalPath);
        Assert.Equal(RegistryKit.Community, room.CommunityCode);
        Assert.All(room.Residents, r => Assert.Matches(@"^\w{4}\*+\w{4}$", r.IdMasked));
    }

    [Fact]
    public async Task Addresses_and_plates_of_another_community_answer_404()
    {
        await using var db = app.UnscopedDb();
        var other = await db.Set<Address>().Where(a => a.CommunityCode != RegistryKit.Community).Select(a => (long?)a.Id).FirstOrDefaultAsync();
        var community = await kit.As("community");
        Assert.Equal(HttpStatusCode.NotFound, (await community.GetAsync($"/api/v1/registry/addresses/plates.pdf?community={OtherCommunity}")).StatusCode);
        Assert.Empty((await community.GetFromJsonAsync<List<AddressNode>>($"/api/v1/registry/addresses?community={OtherCommunity}", RegistryKit.Json))!);
        if (other is { } id) Assert.Equal(HttpStatusCode.NotFound, (await community.GetAsync($"/api/v1/registry/addresses/{id}")).StatusCode);
        // Its own community's sheet is a PDF, audited as a print.
        var own = await community.GetAsync($"/api/v1/registry/addresses/plates.pdf?community={RegistryKit.Community}");
        Assert.Equal("application/pdf", own.Content.Headers.ContentType?.MediaType);
        Assert.True(await db.AuditRecords.AnyAsync(a => a.Action == "Print" && a.EntityType == nameof(Address) && a.EntityKey == RegistryKit.Community.ToString()));
    }

    [Fact]
    public async Task A_grid_worker_verifies_a_person_in_their_grid_and_not_one_elsewhere()
    {
        var rooms = await kit.RoomsAsync(1);
        var batch = await kit.ImportAsync("community", "待核实.xlsx", RegistryKit.Xlsx([RegistryKit.Row("核实甲", RegistryKit.NewId(), "户籍", rooms[0])]));
        await using var db = app.UnscopedDb();
        var person = await db.Set<Person>().AsNoTracking().SingleAsync(p => p.ImportBatchId == batch.Id);
        Assert.Equal(VerificationState.Pending, person.State);
        var grid = await kit.As("grid");
        var pending = (await grid.GetFromJsonAsync<PendingCounts>("/api/v1/registry/pending", RegistryKit.Json))!;
        Assert.True(pending.People >= 1);

        var stale = await grid.PostAsJsonAsync($"/api/v1/registry/people/{person.Id}/verification", new { state = "Verified", version = person.Version + 5 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var ok = await grid.PostAsJsonAsync($"/api/v1/registry/people/{person.Id}/verification", new { state = "Verified", version = person.Version });
        Assert.True(ok.IsSuccessStatusCode, await ok.Content.ReadAsStringAsync());
        var after = await db.Set<Person>().AsNoTracking().SingleAsync(p => p.Id == person.Id);
        Assert.Equal((VerificationState.Verified, person.Version + 1), (after.State, after.Version));
        var gridUser = await db.Set<GridGov.Features.Identity.AppUser>().AsNoTracking().SingleAsync(u => u.UserName == "grid");
        Assert.Equal((gridUser.Id, gridUser.DisplayName), (after.StateById, after.StateByName));
        Assert.NotNull(after.StateAt);
        Assert.Equal(HttpStatusCode.BadRequest, (await grid.PostAsJsonAsync($"/api/v1/registry/people/{person.Id}/verification", new { state = "Pending" })).StatusCode);

        // A person of another community: 404, unchanged.
        var outside = await db.Set<Person>().AsNoTracking().Where(p => p.GridCode / 1000 != RegistryKit.Community).Select(p => (long?)p.Id).FirstOrDefaultAsync();
        var id = outside ?? (await kit.ImportAsync("admin", "外.xlsx", RegistryKit.Xlsx([new() { ["姓名"] = "核实外", ["公民身份号码"] = RegistryKit.NewId(), ["人口类型"] = "户籍", ["网格编码"] = "320102002002001" }])) is var b
            ? await db.Set<Person>().Where(p => p.ImportBatchId == b.Id).Select(p => p.Id).SingleAsync() : 0);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.PostAsJsonAsync($"/api/v1/registry/people/{id}/verification", new { state = "Removed" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await kit.As("community")).PostAsJsonAsync($"/api/v1/registry/people/{id}/verification", new { state = "Removed" })).StatusCode);
    }
}
