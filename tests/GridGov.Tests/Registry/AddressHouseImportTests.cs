using System.Net;
using System.Net.Http.Json;
using GridGov.Features.Organization;
using GridGov.Features.Registry;
using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.Houses;
using GridGov.Features.Registry.Imports;
using GridGov.Infrastructure.Import;
using GridGov.Infrastructure.UseCases;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Registry;

// Standard addresses and houses through the same pipeline as people: levels created under their
// parents with serials from their numbers, a new 小区 needs its grid, bad rows quarantined by field,
// the same file twice changes nothing, a later file updates what changed; houses keyed by address with
// 群租 from tenants and area.
[Collection(NanjingCollection.Name)]
public sealed class AddressHouseImportTests(GridGovApp app)
{
    readonly RegistryKit kit = new(app);
    const long Grid = RegistryKit.Community * 1000 + 1;
    const long OtherCommunityGrid = 320102002002001;

    static string CommunityName = "";

    async Task<ImportBatchView> ImportAsync(string target, string file, IEnumerable<Dictionary<string, object?>> rows, string user = "community")
    {
        var response = await kit.UploadAsync(user, file, RegistryKit.Xlsx(rows), target);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await kit.WaitAsync(user, (await response.Content.ReadFromJsonAsync<ImportBatchView>(RegistryKit.Json))!.Id);
    }

    async Task<List<ImportIssueRow>> IssuesAsync(long batch) =>
        (await (await kit.As("community")).GetFromJsonAsync<PagedResult<ImportIssueRow>>($"/api/v1/registry/imports/{batch}/issues", RegistryKit.Json))!.Items;

    static Dictionary<string, object?> A(string top, string? building = null, string? unit = null, string? room = null, string? grid = null,
        string? community = null, string? floors = null) => new()
    {
        ["所属社区"] = community ?? CommunityName, ["街路巷/小区"] = top, ["楼栋"] = building, ["单元"] = unit, ["户室"] = room, ["网格编码"] = grid, ["层数"] = floors,
    };

    [Fact]
    public async Task Addresses_are_built_level_by_level_and_the_same_file_twice_changes_nothing()
    {
        await using (var names = app.UnscopedDb())
            CommunityName = await names.OrgUnits.Where(u => u.Code == RegistryKit.Community).Select(u => u.Name).SingleAsync();
        var top = "导入苑" + Random.Shared.Next(100_000, 999_999);
        Dictionary<string, object?>[] rows =
        [
            A(top, "1", grid: Grid.ToString(), floors: "6"),
            A(top, "1", "1", "101"), A(top, "1", "1", "102"), A(top, "1", "2", "101"),
            A(top, "2栋", "1单元", "501室"),
            A(top, null, "1", "101"),
            A("不存在的社区小区", "1", "1", "101", community: "火星社区"),
            A(top + "二期", "1", "1", "101"),
            A(top, "1", "1", "101", grid: OtherCommunityGrid.ToString()),
        ];
        var first = await ImportAsync("addresses", "地址.xlsx", rows);
        Assert.Equal(ImportState.Done, first.State);
        var issues = await IssuesAsync(first.Id);
        Assert.True((5, 4) == (first.Inserted, first.Rejected), $"{first.Inserted} {first.Updated} {first.Unchanged} {first.Rejected} " + string.Join("\n", issues.Select(i => $"{i.RowNumber} {i.Field} {i.Reason}")));
        Assert.Equal([("单元", 7), ("所属社区", 8), ("网格编码", 9), ("网格编码", 10)], issues.Select(i => (i.Field, i.RowNumber)).OrderBy(i => i.RowNumber));
        Assert.Contains("请同时填写楼栋", issues.Single(i => i.RowNumber == 7).Reason);
        Assert.Contains("新地址", issues.Single(i => i.RowNumber == 9).Reason);

        await using (var db = app.UnscopedDb())
        {
            var all = await db.Set<Address>().Where(a => a.FullName.StartsWith(top) && a.CommunityCode == RegistryKit.Community).OrderBy(a => a.Code).ToListAsync();
            Assert.Equal([top, top + "1栋", top + "1栋1单元", top + "1栋1单元101室", top + "1栋1单元102室", top + "1栋2单元", top + "1栋2单元101室",
                top + "2栋", top + "2栋1单元", top + "2栋1单元501室"], all.Select(a => a.FullName));
            var byName = all.ToDictionary(a => a.FullName);
            var room = byName[top + "2栋1单元501室"];
            Assert.Equal(byName[top + "2栋1单元"].Code + "0501", room.Code);
            Assert.Equal(byName[top + "2栋1单元"].Id, room.ParentId);
            Assert.Equal(byName[top].Code + "002", byName[top + "2栋"].Code);
            Assert.All(all, a => Assert.Equal((Grid, VerificationState.Pending, RecordSource.Imported), (a.GridCode, a.State, a.Source)));
            Assert.Equal(6, byName[top + "1栋"].Floors);
        }

        var again = await ImportAsync("addresses", "地址.xlsx", rows);
        Assert.Equal((0, 0, 5, 4), (again.Inserted, again.Updated, again.Unchanged, again.Rejected));

        var later = await ImportAsync("addresses", "地址-更新.xlsx", [A(top, "1", floors: "7"), A(top, "1", "1", "103")]);
        Assert.Equal((1, 1), (later.Inserted, later.Updated));
        await using (var db = app.UnscopedDb())
            Assert.Equal(7, await db.Set<Address>().Where(a => a.FullName == top + "1栋").Select(a => a.Floors).SingleAsync());
    }

    [Fact]
    public async Task Houses_are_keyed_by_address_with_group_renting_derived_and_bad_rows_quarantined()
    {
        var rooms = await kit.RoomsAsync(60);
        var (a, b, c) = (rooms[50], rooms[51], rooms[52]);
        var owner = RegistryKit.NewId();
        await kit.ImportAsync("community", "房主.xlsx", RegistryKit.Xlsx([RegistryKit.Row("房主甲", owner, "户籍", a)]));
        Dictionary<string, object?> H(string address, string use, string? area = null, string? tenants = null, string? ownerId = null, string? hazard = null) => new()
        {
            ["房屋地址"] = address, ["房屋用途"] = use, ["建筑面积"] = area, ["承租人数"] = tenants, ["房主证件号码"] = ownerId, ["隐患类型"] = hazard,
            ["出租用途"] = use == "出租" ? "住房" : null, ["建筑用途"] = "住宅",
        };
        Dictionary<string, object?>[] rows =
        [
            H(a, "自住", "89.5", ownerId: owner),
            H(b, "出租", "30", "9", hazard: "火灾隐患"),
            H(c, "出租", "80", "2"),
            H(c + "不存在", "出租"),
            H(a, "借住"),
            H(b, "出租", "-3"),
            H(a, "自住", ownerId: RegistryKit.NewId()),
        ];
        var first = await ImportAsync("houses", "房屋.xlsx", rows);
        Assert.Equal(ImportState.Done, first.State);
        Assert.Equal(4, first.Rejected);
        var issues = (await IssuesAsync(first.Id)).OrderBy(i => i.RowNumber).ToList();
        Assert.Equal([("房屋地址", 5), ("房屋用途", 6), ("建筑面积", 7), ("房主证件号码", 8)], issues.Select(i => (i.Field, i.RowNumber)));

        await using (var db = app.UnscopedDb())
        {
            var houses = await (from h in db.Set<House>() join ad in db.Set<Address>() on h.AddressId equals ad.Id
                                where ad.FullName == a || ad.FullName == b || ad.FullName == c select new { ad.FullName, h }).ToDictionaryAsync(x => x.FullName, x => x.h);
            Assert.Equal((HouseUse.OwnerOccupied, 89.5, "房主甲"), (houses[a].Use, houses[a].AreaM2 ?? 0, houses[a].OwnerName));
            Assert.NotNull(houses[a].OwnerId);
            Assert.Equal((HouseUse.GroupRented, true, "01", "02"), (houses[b].Use, houses[b].Overcrowded, houses[b].HazardType, houses[b].RentalPurpose));
            Assert.Equal((HouseUse.Rented, false), (houses[c].Use, houses[c].Overcrowded));
        }
        var again = await ImportAsync("houses", "房屋.xlsx", rows);
        Assert.Equal((0, 0, 4), (again.Inserted, again.Updated, again.Rejected));
    }

    [Fact]
    public async Task A_house_at_an_address_outside_the_area_is_not_found()
    {
        var top = "外社区苑" + Random.Shared.Next(100_000, 999_999);
        var made = await ImportAsync("addresses", "外社区地址.xlsx",
            [A(top, "1", "1", "101", grid: OtherCommunityGrid.ToString(), community: (OtherCommunityGrid / 1000).ToString())], user: "admin");
        Assert.Equal(1, made.Inserted);
        var batch = await ImportAsync("houses", "越界.xlsx", [new() { ["房屋地址"] = top + "1栋1单元101室", ["房屋用途"] = "空置" }]);
        Assert.Equal(1, batch.Rejected);
        Assert.Contains("不是您辖区内的标准地址", (await IssuesAsync(batch.Id)).Single().Reason);
        // Nor can the community import over the other community's address.
        var over = await ImportAsync("addresses", "越界地址.xlsx", [A(top, "1", "1", "101", community: (OtherCommunityGrid / 1000).ToString())]);
        Assert.Equal(1, over.Rejected);
    }
}
