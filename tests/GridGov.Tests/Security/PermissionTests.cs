using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Tests.Infrastructure;

namespace GridGov.Tests.Security;

[Collection(NanjingCollection.Name)]
public sealed class PermissionTests(GridGovApp app)
{
    [Theory]
    [InlineData("/api/v1/org/roots")]
    [InlineData("/api/v1/users")]
    [InlineData("/api/v1/audit")]
    [InlineData("/api/v1/roles")]
    public async Task Anonymous_callers_get_401_not_a_login_page(string url)
    {
        using var anonymous = app.CreateClient();
        var r = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
    }

    [Theory]
    [InlineData("grid", "GET", "/api/v1/users", HttpStatusCode.Forbidden)]
    [InlineData("grid", "GET", "/api/v1/audit", HttpStatusCode.Forbidden)]
    [InlineData("grid", "GET", "/api/v1/org/roots", HttpStatusCode.OK)]
    [InlineData("street", "POST", "/api/v1/users", HttpStatusCode.Forbidden)]
    [InlineData("street", "POST", "/api/v1/roles", HttpStatusCode.Forbidden)]
    [InlineData("street", "GET", "/api/v1/audit", HttpStatusCode.Forbidden)]
    [InlineData("auditor", "GET", "/api/v1/audit", HttpStatusCode.OK)]
    [InlineData("auditor", "POST", "/api/v1/users", HttpStatusCode.Forbidden)]
    [InlineData("district", "POST", "/api/v1/roles", HttpStatusCode.Forbidden)]
    public async Task Roles_grant_exactly_their_permissions(string user, string method, string url, HttpStatusCode expected)
    {
        using var client = await app.ClientForAsync(user);
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST") request.Content = JsonContent.Create(new { });
        Assert.Equal(expected, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_district_admin_cannot_hand_out_more_than_it_holds()
    {
        using var district = await app.ClientForAsync("district");
        var r = await district.PostAsJsonAsync("/api/v1/users", new
        {
            userName = "too_much", displayName = "越权", orgUnitCode = 320102002, dataScope = "All", roles = new[] { "city_admin" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var problem = await r.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Contains("全部数据", errors.GetProperty("dataScope")[0].GetString());
        Assert.Contains("包含您没有的管理权限", errors.GetProperty("roles")[0].GetString());
        Assert.True(problem.TryGetProperty("traceId", out _));

        // And not into another district either: that unit is outside its scope.
        var outside = await district.PostAsJsonAsync("/api/v1/users", new
        {
            userName = "elsewhere", displayName = "外区", orgUnitCode = 320104, dataScope = "UnitAndBelow", roles = new[] { "grid_worker" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("不在您的管理范围内", await outside.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_district_admin_creates_a_grid_worker_in_its_district_who_can_then_sign_in()
    {
        using var district = await app.ClientForAsync("district");
        var name = "gw_" + Guid.NewGuid().ToString("N")[..8];
        var r = await district.PostAsJsonAsync("/api/v1/users", new
        {
            userName = name, displayName = "张网格", orgUnitCode = 320102002001002, dataScope = "UnitAndBelow", roles = new[] { "grid_worker" },
        });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var body = await r.Content.ReadFromJsonAsync<JsonElement>();
        var password = body.GetProperty("generatedPassword").GetString()!;
        using var worker = await app.ClientForAsync(name, password);
        var me = await worker.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.Equal(320102002001002, me.GetProperty("unitCode").GetInt64());
        Assert.Contains("tickets.report", me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
    }
}
