using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Tests.Infrastructure;

namespace GridGov.Tests.Security;

// Seeing an account is not managing it: nobody widens a scope or takes over a stronger account.
[Collection(NanjingCollection.Name)]
public sealed class EscalationTests(GridGovApp app)
{
    async Task<(string Name, string Password, long Id)> CreateAsync(HttpClient admin, long unit, string scope, string[] roles, long[]? custom = null)
    {
        var name = "esc_" + Guid.NewGuid().ToString("N")[..8];
        const string password = "Escalate-test-3a";
        var r = await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, displayName = "越权测试", orgUnitCode = unit, dataScope = scope, customScopeUnits = custom, roles, password });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var id = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("id").GetInt64();
        return (name, password, id);
    }

    [Fact]
    public async Task A_unit_only_manager_cannot_widen_its_own_scope_nor_grant_a_subtree()
    {
        using var admin = await app.ClientForAsync("admin");
        var (name, password, id) = await CreateAsync(admin, 320102002, "UnitOnly", ["district_admin"]);
        using var manager = await app.ClientForAsync(name, password);

        var self = await manager.PutAsJsonAsync($"/api/v1/users/{id}", new { displayName = "越权测试", orgUnitCode = 320102002, dataScope = "UnitAndBelow", roles = new[] { "district_admin" } });
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Contains("不能授予比自己更大的数据范围", await self.Content.ReadAsStringAsync());

        var custom = await manager.PostAsJsonAsync("/api/v1/users", new { userName = name + "c", displayName = "x", orgUnitCode = 320102002, dataScope = "Custom", customScopeUnits = new[] { 320102002L }, roles = new[] { "grid_worker" } });
        Assert.Equal(HttpStatusCode.BadRequest, custom.StatusCode);

        var same = await manager.PostAsJsonAsync("/api/v1/users", new { userName = name + "u", displayName = "x", orgUnitCode = 320102002, dataScope = "UnitOnly", roles = new[] { "grid_worker" } });
        Assert.Equal(HttpStatusCode.Created, same.StatusCode);
    }

    [Fact]
    public async Task A_missing_data_scope_is_an_error_not_the_whole_city()
    {
        using var admin = await app.ClientForAsync("admin");
        var r = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "noscope_" + Guid.NewGuid().ToString("N")[..6], displayName = "x", orgUnitCode = 320102, roles = new[] { "grid_worker" } });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("请选择数据范围", (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("dataScope")[0].GetString());
    }

    [Fact]
    public async Task A_district_admin_cannot_take_over_a_stronger_account_placed_in_its_district()
    {
        using var admin = await app.ClientForAsync("admin");
        var (_, _, strong) = await CreateAsync(admin, 320102, "Custom", ["auditor"], [320102, 320104]);
        var (_, _, rolesAdmin) = await CreateAsync(admin, 320102, "UnitAndBelow", ["city_admin"]);
        using var district = await app.ClientForAsync("district");

        foreach (var id in new[] { strong, rolesAdmin })
        {
            var reset = await district.PostAsync($"/api/v1/users/{id}/reset-password", null);
            Assert.Equal(HttpStatusCode.Forbidden, reset.StatusCode);
            Assert.Contains("不能由您管理", await reset.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Forbidden, (await district.PostAsync($"/api/v1/users/{id}/disable", null)).StatusCode);
        }
        var me = (await district.GetFromJsonAsync<JsonElement>("/api/v1/auth/me")).GetProperty("userId").GetInt64();
        var disableSelf = await district.PostAsync($"/api/v1/users/{me}/disable", null);
        Assert.Contains("不能停用自己的账号", await disableSelf.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_disabled_account_loses_its_bearer_token_at_once()
    {
        using var admin = await app.ClientForAsync("admin");
        var (name, password, id) = await CreateAsync(admin, 320102002, "UnitAndBelow", ["grid_worker"]);
        using var worker = await app.ClientForAsync(name, password);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync("/api/v1/org/roots")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/users/{id}/disable", null)).StatusCode);
        // The check result is cached per security stamp; disabling renews the stamp, so no wait.
        var after = await worker.GetAsync("/api/v1/org/roots");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("登录已失效", await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Nobody_puts_a_permission_they_lack_into_a_role_and_the_city_admin_role_keeps_its_powers()
    {
        using var admin = await app.ClientForAsync("admin");
        var roleName = "rolemgr_" + Guid.NewGuid().ToString("N")[..6];
        var role = await (await admin.PostAsJsonAsync("/api/v1/roles", new { name = roleName, displayName = "角色管理", permissions = new[] { "roles.manage", "users.view" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        // City-wide, as roles are changed only from the city (ADR 0009; CitySettingsTests).
        var (name, password, _) = await CreateAsync(admin, 3201, "All", [roleName]);
        using var manager = await app.ClientForAsync(name, password);

        var grow = await manager.PutAsJsonAsync($"/api/v1/roles/{role.GetProperty("id").GetInt64()}", new { displayName = "角色管理", permissions = new[] { "roles.manage", "users.view", "users.manage", "audit.view" } });
        Assert.Equal(HttpStatusCode.BadRequest, grow.StatusCode);
        Assert.Contains("您不能授予自己没有的权限", await grow.Content.ReadAsStringAsync());

        var roles = await admin.GetFromJsonAsync<JsonElement>("/api/v1/roles");
        var cityAdmin = roles.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "city_admin");
        var strip = await admin.PutAsJsonAsync($"/api/v1/roles/{cityAdmin.GetProperty("id").GetInt64()}", new { displayName = "市级管理员", permissions = new[] { "org.view" } });
        Assert.Equal(HttpStatusCode.BadRequest, strip.StatusCode);
        Assert.Contains("必须保留", await strip.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_password_change_through_the_cookie_is_audited_as_that_user()
    {
        using var admin = await app.ClientForAsync("admin");
        var (name, password, id) = await CreateAsync(admin, 320102002, "UnitAndBelow", ["grid_worker"]);
        using var c = app.CreateClient(new() { AllowAutoRedirect = false });
        await Forms.LoginAsync(c, name, password);
        var done = await Forms.PostAsync(c, "/account/password", "/account/password",
            new() { ["currentPassword"] = password, ["newPassword"] = "Audited-change-5", ["confirmPassword"] = "Audited-change-5" });
        Assert.Equal("/account/password?done=true", done.Headers.Location!.OriginalString);

        await using var db = app.UnscopedDb();
        var change = db.AuditRecords.Where(a => a.EntityType == "AppUser" && a.EntityKey == id.ToString() && a.After!.Contains("PasswordHash"))
            .OrderByDescending(a => a.Seq).First();
        Assert.Equal(name, change.ActorName);
        Assert.Equal(id, change.ActorId);
    }
}
