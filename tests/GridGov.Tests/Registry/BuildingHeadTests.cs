using System.Net;
using System.Net.Http.Json;
using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.People;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Registry;

// 楼栋长 on buildings: a registry person the caller can see, on a building in the caller's area.
[Collection(NanjingCollection.Name)]
public sealed class BuildingHeadTests(GridGovApp app)
{
    readonly RegistryKit kit = new(app);
    const long OtherGrid = 320102002002001;

    [Fact]
    public async Task A_building_gets_a_head_from_the_registry_and_nothing_outside_the_area_is_reachable()
    {
        await using var db = app.UnscopedDb();
        var building = await db.Set<Address>().Where(a => a.CommunityCode == RegistryKit.Community && a.Kind == AddressKind.Building).OrderBy(a => a.Id).FirstAsync();
        var room = await db.Set<Address>().Where(a => a.CommunityCode == RegistryKit.Community && a.Kind == AddressKind.Room).Select(a => a.Id).FirstAsync();
        var resident = await db.Set<Person>().Where(p => p.GridCode / 1000 == RegistryKit.Community).Select(p => new { p.Id, p.Name }).FirstAsync();
        var admin = await kit.As("admin");
        var outsider = await admin.PostAsJsonAsync("/api/v1/registry/people", new PersonForm("楼外人", RegistryKit.NewId(), "户籍", GridCode: OtherGrid.ToString()));
        var outsiderId = (await outsider.Content.ReadFromJsonAsync<PersonSaved>())!.Id;

        var community = await kit.As("community");
        var set = await community.PutAsJsonAsync($"/api/v1/registry/addresses/{building.Id}/building-head", new BuildingHeadRequest(resident.Id, building.Version));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var detail = (await community.GetFromJsonAsync<AddressDetail>($"/api/v1/registry/addresses/{building.Id}", RegistryKit.Json))!;
        Assert.Equal(resident.Name, detail.Head?.Name);

        var stale = await community.PutAsJsonAsync($"/api/v1/registry/addresses/{building.Id}/building-head", new BuildingHeadRequest(null, building.Version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var foreign = await community.PutAsJsonAsync($"/api/v1/registry/addresses/{building.Id}/building-head", new BuildingHeadRequest(outsiderId));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("不在您的数据范围内", await foreign.Content.ReadAsStringAsync());
        var onRoom = await community.PutAsJsonAsync($"/api/v1/registry/addresses/{room}/building-head", new BuildingHeadRequest(resident.Id));
        Assert.Equal(HttpStatusCode.BadRequest, onRoom.StatusCode);

        var made = await kit.UploadAsync("admin", "外楼.xlsx", RegistryKit.Xlsx([new() { ["所属社区"] = (OtherGrid / 1000).ToString(),
            ["街路巷/小区"] = "外楼苑" + Random.Shared.Next(100_000, 999_999), ["楼栋"] = "1", ["网格编码"] = OtherGrid.ToString() }]), "addresses");
        var batch = await kit.WaitAsync("admin", (await made.Content.ReadFromJsonAsync<GridGov.Infrastructure.Import.ImportBatchView>(RegistryKit.Json))!.Id);
        await using var db2 = app.UnscopedDb();
        var otherBuilding = await db2.Set<Address>().Where(a => a.ImportBatchId == batch.Id && a.Kind == AddressKind.Building).Select(a => a.Id).SingleAsync();
        var grid = await kit.As("grid");
        Assert.Equal(HttpStatusCode.NotFound, (await grid.PutAsJsonAsync($"/api/v1/registry/addresses/{otherBuilding}/building-head", new BuildingHeadRequest(null))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await community.PutAsJsonAsync($"/api/v1/registry/addresses/{otherBuilding}/building-head", new BuildingHeadRequest(resident.Id))).StatusCode);
        await using var db3 = app.UnscopedDb();
        Assert.Null(await db3.Set<Address>().Where(a => a.Id == otherBuilding).Select(a => a.BuildingHeadId).SingleAsync());
    }
}
