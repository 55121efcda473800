using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Tests.Infrastructure;

namespace GridGov.Tests.Security;

// The other data scopes of DESIGN.md §4: own unit only, a custom set of units, self only.
[Collection(NanjingCollection.Name)]
public sealed class ScopeKindsTests(GridGovApp app)
{
    async Task<HttpClient> UserWithScopeAsync(long unit, string scope, long[]? custom = null, string role = "auditor")
    {
        using var admin = await app.ClientForAsync("admin");
        var name = $"{scope.ToLowerInvariant()}_{Guid.NewGuid():N}"[..20];
        const string password = "Scope-test-42a";
        var r = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName = name, displayName = "范围测试", orgUnitCode = unit, dataScope = scope,
            customScopeUnits = custom, roles = new[] { role }, password,
        });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return await app.ClientForAsync(name, password);
    }

    [Fact]
    public async Task Unit_only_sees_the_unit_but_not_its_children()
    {
        using var c = await UserWithScopeAsync(320102002, "UnitOnly");
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/api/v1/org/units/320102002")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync("/api/v1/org/units/320102002001")).StatusCode);
    }

    [Fact]
    public async Task Custom_scope_sees_each_chosen_subtree_and_nothing_between()
    {
        using var c = await UserWithScopeAsync(320102002, "Custom", [320102003001, 320104]);
        var roots = await c.GetFromJsonAsync<JsonElement>("/api/v1/org/roots");
        Assert.Equal([320104L, 320102003001L], roots.EnumerateArray().Select(r => r.GetProperty("code").GetInt64()).Order());
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/api/v1/org/units/320102003001001")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/api/v1/org/units/320104001")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync("/api/v1/org/units/320102003002")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync("/api/v1/org/units/320102002")).StatusCode);
    }

    [Fact]
    public async Task Self_scope_sees_only_its_own_account_and_its_own_actions()
    {
        using var c = await UserWithScopeAsync(320102002, "Self", role: "auditor");
        var me = await c.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        var users = await c.GetFromJsonAsync<JsonElement>("/api/v1/users?pageSize=200");
        Assert.Equal([me.GetProperty("userId").GetInt64()],
            users.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("id").GetInt64()));
        var audit = await c.GetFromJsonAsync<JsonElement>("/api/v1/audit?pageSize=200");
        Assert.All(audit.GetProperty("items").EnumerateArray(), a =>
            Assert.Equal(me.GetProperty("userId").GetInt64(), a.GetProperty("actorId").GetInt64()));
    }
}
