using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Tests.Infrastructure;

namespace GridGov.Tests.Security;

[Collection(NanjingCollection.Name)]
public sealed class RoleTests(GridGovApp app)
{
    [Fact]
    public async Task A_new_role_grants_its_permissions_and_cannot_be_deleted_while_in_use()
    {
        using var admin = await app.ClientForAsync("admin");
        var name = "inspector_" + Guid.NewGuid().ToString("N")[..6];
        var created = await admin.PostAsJsonAsync("/api/v1/roles", new { name, displayName = "巡查督导", description = "只看不改", permissions = new[] { "org.view", "audit.view" } });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var role = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["org.view", "audit.view"], role.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));

        const string password = "Inspector-12a";
        var user = await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, displayName = "督导员", orgUnitCode = 320102, dataScope = "UnitAndBelow", roles = new[] { name }, password });
        Assert.Equal(HttpStatusCode.Created, user.StatusCode);
        using (var inspector = await app.ClientForAsync(name, password))
        {
            Assert.Equal(HttpStatusCode.OK, (await inspector.GetAsync("/api/v1/audit")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await inspector.GetAsync("/api/v1/users")).StatusCode);
        }

        var id = role.GetProperty("id").GetInt64();
        var inUse = await admin.DeleteAsync($"/api/v1/roles/{id}");
        Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode);
        Assert.Contains("仍有用户使用该角色", await inUse.Content.ReadAsStringAsync());

        // Dropping a permission takes effect at the next sign-in.
        var updated = await admin.PutAsJsonAsync($"/api/v1/roles/{id}", new { displayName = "巡查督导", permissions = new[] { "org.view" } });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        using var again = await app.ClientForAsync(name, password);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync("/api/v1/audit")).StatusCode);
    }

    [Fact]
    public async Task Built_in_roles_cannot_be_deleted_and_bad_roles_are_refused_field_by_field()
    {
        using var admin = await app.ClientForAsync("admin");
        var roles = await admin.GetFromJsonAsync<JsonElement>("/api/v1/roles");
        var gridWorker = roles.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "grid_worker");
        var r = await admin.DeleteAsync($"/api/v1/roles/{gridWorker.GetProperty("id").GetInt64()}");
        Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
        Assert.Contains("内置角色不能删除", await r.Content.ReadAsStringAsync());

        var bad = await admin.PostAsJsonAsync("/api/v1/roles", new { name = "坏 名字", displayName = "", permissions = new[] { "tickets.fly" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("字母、数字和下划线", errors.GetProperty("name")[0].GetString());
        Assert.Equal("请填写角色名称", errors.GetProperty("displayName")[0].GetString());
        Assert.Contains("tickets.fly", errors.GetProperty("permissions")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/v1/roles/999999", new { displayName = "x" })).StatusCode);
    }
}
