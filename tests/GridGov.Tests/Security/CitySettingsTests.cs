using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Features.Identity;
using GridGov.Features.Organization;
using GridGov.Features.Tickets;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Security;

// Roles, event classes and the working calendar hold for the whole city: only a city-wide account
// changes them, whatever permissions a district or street account holds. Dispatch rules belong to
// their area (ADR 0009). tickets.configure and roles.manage pass only from someone holding them.
[Collection(NanjingCollection.Name)]
public sealed class CitySettingsTests(GridGovApp app)
{
    const string Password = "City-settings-7q";

    async Task<string> RoleAsync(HttpClient admin, params string[] permissions)
    {
        var name = "cs_" + Guid.NewGuid().ToString("N")[..8];
        var r = await admin.PostAsJsonAsync("/api/v1/roles", new { name, displayName = "测试角色" + name[3..], permissions });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return name;
    }

    async Task<(string Name, long Id)> UserAsync(HttpClient admin, long unit, params string[] roles)
    {
        var name = "cs_" + Guid.NewGuid().ToString("N")[..8];
        var r = await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, displayName = "设置测试", orgUnitCode = unit, dataScope = "UnitAndBelow", roles, password = Password });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (name, (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("id").GetInt64());
    }

    async Task<Dictionary<string, string[]>> RoleClaimsAsync()
    {
        await using var db = app.UnscopedDb();
        var roles = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name!);
        return (await db.RoleClaims.AsNoTracking().ToListAsync()).GroupBy(c => c.RoleId)
            .ToDictionary(g => roles[g.Key], g => g.Select(c => c.ClaimValue!).Order().ToArray());
    }

    async Task<string> PageAsync(string user, string password, string url)
    {
        using var c = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal("/", (await Forms.LoginAsync(c, user, password)).Headers.Location!.OriginalString);
        return await c.GetStringAsync(url);
    }

    static async Task AssertForbiddenAsync(HttpResponseMessage r, string words)
    {
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Contains(words, (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_district_role_manager_cannot_rewrite_the_city_admin_role_nor_hand_grid_workers_user_management()
    {
        using var admin = await app.ClientForAsync("admin");
        var managerRole = await RoleAsync(admin, "org.view", "users.view", "users.manage", "roles.manage");
        var spare = await RoleAsync(admin, "org.view");
        var (name, _) = await UserAsync(admin, 320102, managerRole);
        using var district = await app.ClientForAsync(name, Password);
        var roles = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/roles")).EnumerateArray()
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("id").GetInt64());
        var before = await RoleClaimsAsync();

        await AssertForbiddenAsync(await district.PutAsJsonAsync($"/api/v1/roles/{roles["city_admin"]}",
            new { displayName = "市级管理员", permissions = new[] { "org.view", "users.manage", "roles.manage" } }), "全市统一");
        await AssertForbiddenAsync(await district.PutAsJsonAsync($"/api/v1/roles/{roles["grid_worker"]}",
            new { displayName = "网格员", permissions = before["grid_worker"].Append("users.manage").ToArray() }), "全市统一");
        await AssertForbiddenAsync(await district.PostAsJsonAsync("/api/v1/roles",
            new { name = "dist_" + Guid.NewGuid().ToString("N")[..6], displayName = "区自建", permissions = new[] { "org.view" } }), "全市统一");
        await AssertForbiddenAsync(await district.DeleteAsync($"/api/v1/roles/{roles[spare]}"), "全市统一");

        Assert.Equal(before, await RoleClaimsAsync());
        // The page offers no editing to it; the city admin gets the button.
        Assert.DoesNotContain("id=\"role-new\"", await PageAsync(name, Password, "/admin/roles"));
        Assert.Contains("id=\"role-new\"", await PageAsync("admin", app.Passwords["admin"], "/admin/roles"));
        await using var db = app.UnscopedDb();
        Assert.True(await db.Roles.AnyAsync(r => r.Name == spare));
        Assert.Equal("市级管理员", (await db.Roles.SingleAsync(r => r.Name == "city_admin")).DisplayName);
    }

    [Fact]
    public async Task A_street_account_manager_cannot_give_itself_tickets_configure_nor_change_a_class_for_the_city()
    {
        using var admin = await app.ClientForAsync("admin");
        var managerRole = await RoleAsync(admin, "org.view", "users.view", "users.manage");
        var configRole = await RoleAsync(admin, "org.view", "tickets.configure");
        var (name, id) = await UserAsync(admin, 320102002, managerRole);
        using var street = await app.ClientForAsync(name, Password);

        // tickets.configure is administrative: an account manager without it cannot pass it on.
        foreach (var role in new[] { configRole, "district_admin" })
        {
            var self = await street.PutAsJsonAsync($"/api/v1/users/{id}",
                new { displayName = "设置测试", orgUnitCode = 320102002, dataScope = "UnitAndBelow", roles = new[] { managerRole, role } });
            Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
            Assert.Contains("管理事件分类", await self.Content.ReadAsStringAsync());
            var other = await street.PostAsJsonAsync("/api/v1/users",
                new { userName = name + "x", displayName = "x", orgUnitCode = 320102002, dataScope = "UnitOnly", roles = new[] { role }, password = Password });
            Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        }
        await using (var db = app.UnscopedDb())
        {
            Assert.False(await db.Users.AnyAsync(u => u.UserName == name + "x"));
            var roleIds = await db.Set<Microsoft.AspNetCore.Identity.IdentityUserRole<long>>().Where(r => r.UserId == id).Select(r => r.RoleId).ToListAsync();
            Assert.Equal([managerRole], await db.Roles.Where(r => roleIds.Contains(r.Id)).Select(r => r.Name!).ToListAsync());
        }
    }

    [Fact]
    public async Task A_street_account_holding_tickets_configure_cannot_change_classes_or_the_calendar_but_sets_rules_only_in_its_area()
    {
        using var admin = await app.ClientForAsync("admin");
        var configRole = await RoleAsync(admin, "org.view", "tickets.configure");
        var (name, _) = await UserAsync(admin, 320102002, configRole);
        using var street = await app.ClientForAsync(name, Password);
        var calendar = await admin.GetFromJsonAsync<JsonElement>("/api/v1/tickets/calendar/2026");

        await AssertForbiddenAsync(await street.PutAsJsonAsync("/api/v1/tickets/categories/C0102", new { enabled = false, acceptLimit = "9d" }), "全市统一");
        await AssertForbiddenAsync(await street.PutAsJsonAsync("/api/v1/tickets/calendar/2026",
            new[] { new { date = "2026-12-01", kind = "Holiday", name = "街道自定" } }), "全市统一");
        // A rule's area must lie in the caller's scope: the city, another district, a sibling street are not.
        foreach (var area in new[] { 3201L, 320104L, 320102003L })
        {
            var rule = await street.PostAsJsonAsync("/api/v1/tickets/dispatch-rules", new { name = "越界规则", areaCode = area, departmentId = 1 });
            Assert.Equal(HttpStatusCode.BadRequest, rule.StatusCode);
            Assert.Contains("不在您的管理范围内", (await rule.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("areaCode")[0].GetString());
        }

        await using (var db = app.UnscopedDb())
        {
            var c = await db.TicketCategories.AsNoTracking().SingleAsync(x => x.Code == "C0102");
            Assert.True(c.Enabled);
            Assert.NotEqual("9d", c.AcceptLimit);
            Assert.False(await db.DispatchRules.AnyAsync(r => r.Name == "越界规则"));
        }
        Assert.Equal(calendar.GetRawText(), (await admin.GetFromJsonAsync<JsonElement>("/api/v1/tickets/calendar/2026")).GetRawText());

        // Its own street is its own: a rule there is set (and removed again).
        await using (var db = app.UnscopedDb())
        {
            var department = await db.Departments.AsNoTracking().FirstAsync(d => d.OrgUnitCode == 320102002);
            var own = await street.PostAsJsonAsync("/api/v1/tickets/dispatch-rules", new { name = "本街道规则", areaCode = 320102002, departmentId = department.Id, keywords = "不会匹配的词语" });
            Assert.Equal(HttpStatusCode.Created, own.StatusCode);
            var ruleId = (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
            Assert.Equal(HttpStatusCode.NoContent, (await street.DeleteAsync($"/api/v1/tickets/dispatch-rules/{ruleId}")).StatusCode);
        }
        // The city still changes them.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/tickets/categories/C0102", new { enabled = true })).StatusCode);
    }
}
