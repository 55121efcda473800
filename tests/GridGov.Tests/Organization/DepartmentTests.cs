using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Tests.Infrastructure;

namespace GridGov.Tests.Organization;

[Collection(NanjingCollection.Name)]
public sealed class DepartmentTests(GridGovApp app)
{
    static List<JsonElement> Items(JsonElement list) => list.EnumerateArray().ToList();

    [Fact]
    public async Task The_demo_city_has_departments_at_city_district_and_street_level_seen_within_scope()
    {
        using var admin = await app.ClientForAsync("admin");
        var city = Items(await admin.GetFromJsonAsync<JsonElement>("/api/v1/org/departments?unit=3201"));
        Assert.Contains(city, d => d.GetProperty("name").GetString() == "南京市城市管理局" && d.GetProperty("kind").GetString() == "城管");

        using var district = await app.ClientForAsync("district");
        var visible = Items(await district.GetFromJsonAsync<JsonElement>("/api/v1/org/departments"));
        Assert.Contains(visible, d => d.GetProperty("name").GetString() == "玄武区公安局");
        Assert.Contains(visible, d => d.GetProperty("name").GetString() == "梅园新村街道派出所");
        Assert.DoesNotContain(visible, d => d.GetProperty("orgUnitCode").GetInt64() == 3201);
        Assert.All(visible, d => Assert.Equal(320102, d.GetProperty("orgUnitCode").GetInt64() / (d.GetProperty("orgUnitCode").GetInt64() > 999999 ? 1000 : 1)));

        using var street = await app.ClientForAsync("street");
        var own = Items(await street.GetFromJsonAsync<JsonElement>("/api/v1/org/departments"));
        Assert.Equal(["梅园新村街道城管中队", "梅园新村街道派出所", "梅园新村街道社会事务办", "梅园新村街道安全生产办"], own.Select(d => d.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Department_staff_are_created_in_their_department_at_its_unit()
    {
        using var district = await app.ClientForAsync("district");
        var departments = Items(await district.GetFromJsonAsync<JsonElement>("/api/v1/org/departments?unit=320102"));
        var police = departments.Single(d => d.GetProperty("name").GetString() == "玄武区公安局").GetProperty("id").GetInt64();
        var name = "police_" + Guid.NewGuid().ToString("N")[..6];

        var wrongUnit = await district.PostAsJsonAsync("/api/v1/users", new
        {
            userName = name, displayName = "民警", orgUnitCode = 320102002, departmentId = police, dataScope = "UnitAndBelow", roles = new[] { "department_handler" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, wrongUnit.StatusCode);
        Assert.Contains("不属于所选单位", await wrongUnit.Content.ReadAsStringAsync());

        var ok = await district.PostAsJsonAsync("/api/v1/users", new
        {
            userName = name, displayName = "民警", orgUnitCode = 320102, departmentId = police, dataScope = "UnitAndBelow", roles = new[] { "department_handler" },
        });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var user = (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user");
        Assert.Equal("玄武区公安局", user.GetProperty("departmentName").GetString());

        // A department outside the caller's scope does not exist for it.
        using var admin = await app.ClientForAsync("admin");
        var cityPolice = Items(await admin.GetFromJsonAsync<JsonElement>("/api/v1/org/departments?unit=3201"))
            .Single(d => d.GetProperty("name").GetString() == "南京市公安局").GetProperty("id").GetInt64();
        var outside = await district.PostAsJsonAsync("/api/v1/users", new
        {
            userName = name + "x", displayName = "民警", orgUnitCode = 320102, departmentId = cityPolice, dataScope = "UnitAndBelow", roles = new[] { "department_handler" },
        });
        Assert.Contains("不存在或不在您的管理范围内", await outside.Content.ReadAsStringAsync());
    }
}
