using System.Net;
using System.Net.Http.Json;
using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.Houses;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Registry;

// Addresses and houses by hand: a 小区 in the caller's community with its grid, levels under it with
// serials from their numbers, duplicates refused; a house on a room with 群租 derived; nothing outside
// the caller's area.
[Collection(NanjingCollection.Name)]
public sealed class AddressFormTests(GridGovApp app)
{
    readonly RegistryKit kit = new(app);
    const long Grid = RegistryKit.Community * 1000 + 1;

    [Fact]
    public async Task A_compound_building_and_room_are_added_by_hand_and_a_house_registered_on_the_room()
    {
        var client = await kit.As("community");
        var name = "手录苑" + Random.Shared.Next(100_000, 999_999);
        var noGrid = await client.PostAsJsonAsync("/api/v1/registry/addresses", new NewAddress(null, RegistryKit.Community, name));
        Assert.Equal(HttpStatusCode.BadRequest, noGrid.StatusCode);
        Assert.Contains("网格", await noGrid.Content.ReadAsStringAsync());

        var compound = await AddAsync(client, new NewAddress(null, RegistryKit.Community, name, GridCode: Grid));
        var building = await AddAsync(client, new NewAddress(compound.Id, null, "5", Floors: 6));
        var unit = await AddAsync(client, new NewAddress(building.Id, null, "1"));
        var room = await AddAsync(client, new NewAddress(unit.Id, null, "302"));
        Assert.Equal((name + "5栋", name + "5栋1单元302室"), (building.FullName, room.FullName));
        Assert.Equal(unit.Code + "0302", room.Code);
        Assert.Equal(compound.Code + "005", building.Code);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync("/api/v1/registry/addresses", new NewAddress(unit.Id, null, "302室"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/v1/registry/addresses", new NewAddress(room.Id, null, "1"))).StatusCode);

        var house = await client.PutAsJsonAsync($"/api/v1/registry/addresses/{room.Id}/house", new HouseForm(HouseUse.Rented, "住宅", 40, "房东甲", "住房", "无", 9));
        Assert.Equal(HttpStatusCode.OK, house.StatusCode);
        var saved = (await house.Content.ReadFromJsonAsync<HouseSaved>(RegistryKit.Json))!;
        Assert.Equal((HouseUse.GroupRented, true), (saved.Use, saved.Overcrowded));
        var bad = await client.PutAsJsonAsync($"/api/v1/registry/addresses/{room.Id}/house", new HouseForm(HouseUse.Rented, "城堡", -1, Version: saved.Version));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var text = await bad.Content.ReadAsStringAsync();
        Assert.Contains("buildingUse", text);
        Assert.Contains("areaM2", text);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutAsJsonAsync($"/api/v1/registry/addresses/{building.Id}/house", new HouseForm(HouseUse.Vacant))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PutAsJsonAsync($"/api/v1/registry/addresses/{room.Id}/house",
            new HouseForm(HouseUse.Vacant, Version: saved.Version + 5))).StatusCode);
    }

    [Fact]
    public async Task Nothing_is_added_or_registered_outside_the_area()
    {
        var admin = await kit.As("admin");
        var other = await AddAsync(admin, new NewAddress(null, 320102002002, "外社区手录苑" + Random.Shared.Next(100_000, 999_999), GridCode: 320102002002001));
        var community = await kit.As("community");
        Assert.Equal(HttpStatusCode.NotFound, (await community.PostAsJsonAsync("/api/v1/registry/addresses", new NewAddress(other.Id, null, "1"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await community.PostAsJsonAsync("/api/v1/registry/addresses",
            new NewAddress(null, 320102002002, "越界苑", GridCode: 320102002002001))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await community.PostAsJsonAsync("/api/v1/registry/addresses",
            new NewAddress(null, RegistryKit.Community, "越界苑", GridCode: 320102002002001))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await community.PutAsJsonAsync($"/api/v1/registry/addresses/{other.Id}/house", new HouseForm(HouseUse.Vacant))).StatusCode);
        await using var db = app.UnscopedDb();
        Assert.False(await db.Set<Address>().AnyAsync(a => a.Name == "越界苑"));
    }

    static async Task<AddressNode> AddAsync(HttpClient client, NewAddress r)
    {
        var response = await client.PostAsJsonAsync("/api/v1/registry/addresses", r);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<AddressNode>(RegistryKit.Json))!;
    }
}
