using System.Net;
using System.Net.Http.Json;
using GridGov.Features.Organization;
using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.Components;
using GridGov.Infrastructure.UseCases;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Tests.Registry;

// 部件: registered at a point of the caller's area (the grid found from the point, the object code made
// from class, grid and serial), listed by class and state, edited with its version, shown as GeoJSON
// points; a point outside the area is refused in Chinese, and a component of another community is 404.
[Collection(NanjingCollection.Name)]
public sealed class ComponentTests(GridGovApp app)
{
    readonly RegistryKit kit = new(app);

    async Task<(double Lon, double Lat, long Grid)> PointAsync()
    {
        await using var db = app.UnscopedDb();
        var a = await db.Set<Address>().Where(a => a.CommunityCode == RegistryKit.Community && a.Kind == AddressKind.Compound && a.Lon != null)
            .OrderBy(a => a.Id).FirstAsync();
        return (a.Lon!.Value, a.Lat!.Value, a.GridCode);
    }

    async Task<(double Lon, double Lat)> OtherPointAsync()
    {
        var shape = (await app.Services.GetRequiredService<Places>().ShapeAsync(ThingsKit.OtherGrid))!;
        var p = shape.InteriorPoint;
        return (p.X, p.Y);
    }

    async Task<long> DepartmentAsync(long unit)
    {
        await using var db = app.UnscopedDb();
        return await db.Set<Department>().Where(d => d.OrgUnitCode == unit).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
    }

    [Fact]
    public async Task A_component_is_registered_at_its_point_listed_edited_and_mapped()
    {
        var client = await kit.As("community");
        var (lon, lat, grid) = await PointAsync();
        var street = await DepartmentAsync(320102002);
        var response = await client.PostAsJsonAsync("/api/v1/registry/components",
            new ComponentRequest("上水井盖", lon, lat, DepartmentId: street, OwnerName: "南京水务集团", Location: "测试井盖位置甲"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var c = (await response.Content.ReadFromJsonAsync<ComponentRow>(RegistryKit.Json))!;
        Assert.Equal("C0101", c.ClassCode);
        Assert.Equal(grid, c.GridCode);
        Assert.Equal(23, c.Code.Length);
        Assert.StartsWith("0101" + grid, c.Code);
        Assert.Equal("公用设施", c.MajorName);
        Assert.EndsWith("城管中队", c.DepartmentName);

        var second = (await (await client.PostAsJsonAsync("/api/v1/registry/components", new ComponentRequest("C0101", lon, lat))).Content.ReadFromJsonAsync<ComponentRow>(RegistryKit.Json))!;
        Assert.NotEqual(c.Code, second.Code);

        var major = (await client.GetFromJsonAsync<PagedResult<ComponentRow>>("/api/v1/registry/components?class=C01&keyword=测试井盖位置甲", RegistryKit.Json))!;
        Assert.Equal(c.Id, Assert.Single(major.Items).Id);
        var other = (await client.GetFromJsonAsync<PagedResult<ComponentRow>>("/api/v1/registry/components?class=C0118&keyword=测试井盖位置甲", RegistryKit.Json))!;
        Assert.Empty(other.Items);

        var stale = await client.PutAsJsonAsync($"/api/v1/registry/components/{c.Id}",
            new ComponentRequest("C0101", lon, lat, ComponentState.Damaged, Location: "测试井盖位置甲", Version: c.Version + 1));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var edited = await client.PutAsJsonAsync($"/api/v1/registry/components/{c.Id}",
            new ComponentRequest("C0101", lon, lat, ComponentState.Damaged, Location: "测试井盖位置甲", DepartmentId: street, Version: c.Version));
        Assert.True(edited.IsSuccessStatusCode, await edited.Content.ReadAsStringAsync());
        var after = (await edited.Content.ReadFromJsonAsync<ComponentRow>(RegistryKit.Json))!;
        Assert.Equal(("损坏", c.Version + 1, c.Code), (after.ConditionName, after.Version, after.Code));

        var damaged = (await client.GetFromJsonAsync<PagedResult<ComponentRow>>("/api/v1/registry/components?state=Damaged&keyword=测试井盖位置甲", RegistryKit.Json))!;
        Assert.Single(damaged.Items);
        var counts = (await client.GetFromJsonAsync<ComponentCounts>("/api/v1/registry/components/counts", RegistryKit.Json))!;
        Assert.True(counts.ByState.Single(s => s.Key == "Damaged").Count >= 1);
        Assert.Equal(counts.Total, counts.ByClass.Sum(x => x.Count));

        var box = FormattableString.Invariant($"minLon={lon - 0.0001}&minLat={lat - 0.0001}&maxLon={lon + 0.0001}&maxLat={lat + 0.0001}");
        var points = await client.GetStringAsync($"/api/v1/registry/components/points?{box}");
        Assert.Contains("\"FeatureCollection\"", points);
        Assert.Contains(c.Code, points);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/registry/components/export?class=C01")).StatusCode);
    }

    [Fact]
    public async Task A_point_outside_the_area_and_wrong_fields_are_refused_in_chinese()
    {
        var client = await kit.As("community");
        var (lon, lat) = await OtherPointAsync();
        var outside = await client.PostAsJsonAsync("/api/v1/registry/components", new ComponentRequest("C0118", lon, lat));
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("不在您的管理范围内", await outside.Content.ReadAsStringAsync());
        var nowhere = await client.PostAsJsonAsync("/api/v1/registry/components", new ComponentRequest("C0118", 100.0, 20.0));
        Assert.Contains("不在任何网格内", await nowhere.Content.ReadAsStringAsync());
        var (x, y, _) = await PointAsync();
        var otherDistrict = await DepartmentAsync(320104);
        var wrong = await client.PostAsJsonAsync("/api/v1/registry/components", new ComponentRequest("C9999", x, y, DepartmentId: otherDistrict));
        var text = await wrong.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("部件类别", text);
        Assert.Contains("不负责部件所在地", text);
    }

    [Fact]
    public async Task A_component_of_another_community_is_not_found_for_reading_or_writing()
    {
        var (lon, lat) = await OtherPointAsync();
        long id;
        await using (var db = app.UnscopedDb())
        {
            var c = new Component { Code = "0118" + ThingsKit.OtherGrid + "9901", ClassCode = "C0118", Lon = lon, Lat = lat, GridCode = ThingsKit.OtherGrid, Location = "外部件甲" };
            db.Add(c);
            await db.SaveChangesAsync();
            id = c.Id;
        }
        var client = await kit.As("community");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/registry/components/{id}")).StatusCode);
        var (x, y, _) = await PointAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/registry/components/{id}", new ComponentRequest("C0118", x, y))).StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<PagedResult<ComponentRow>>("/api/v1/registry/components?keyword=外部件甲", RegistryKit.Json))!.Items);
        await using var check = app.UnscopedDb();
        Assert.Equal(ThingsKit.OtherGrid, (await check.Set<Component>().SingleAsync(c => c.Id == id)).GridCode);
    }

    [Fact]
    public async Task Components_are_imported_with_class_names_and_points_checked()
    {
        var (lon, lat, grid) = await PointAsync();
        var (ox, oy) = await OtherPointAsync();
        string Num(double v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var file = RegistryKit.Xlsx(
        [
            new() { ["类别"] = "路灯", ["经度"] = Num(lon), ["纬度"] = Num(lat), ["状态"] = "完好", ["养护部门"] = "梅园新村街道城管中队", ["位置描述"] = "导入路灯甲" },
            new() { ["类别"] = "C0305", ["经度"] = Num(lon), ["纬度"] = Num(lat), ["状态"] = "损坏", ["养护部门"] = "", ["位置描述"] = "导入垃圾箱甲" },
            new() { ["类别"] = "飞碟", ["经度"] = Num(lon), ["纬度"] = Num(lat), ["状态"] = "完好", ["养护部门"] = "", ["位置描述"] = "" },
            new() { ["类别"] = "路灯", ["经度"] = Num(ox), ["纬度"] = Num(oy), ["状态"] = "坏了", ["养护部门"] = "", ["位置描述"] = "" },
        ]);
        var batch = await ThingsKit.ImportAsync(kit, "components", "部件.xlsx", file);
        Assert.Equal((2, 2), (batch.Inserted, batch.Rejected));
        var issues = await (await kit.As("community")).GetStringAsync($"/api/v1/registry/imports/{batch.Id}/issues");
        Assert.Contains("不是部件小类的代码或名称", issues);
        Assert.Contains("不在您的管理范围内", issues);
        Assert.Contains("应为 完好", issues);
        await using var db = app.UnscopedDb();
        var lamp = await db.Set<Component>().SingleAsync(c => c.ImportBatchId == batch.Id && c.ClassCode == "C0118");
        Assert.Equal(grid, lamp.GridCode);
        Assert.NotNull(lamp.DepartmentId);
        Assert.StartsWith("0118" + grid, lamp.Code);
    }
}
