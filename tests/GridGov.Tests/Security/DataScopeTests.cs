using GridGov.Features.Identity;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Tests.Infrastructure;

namespace GridGov.Tests.Security;

// The demo accounts: "street" works at 梅园新村街道 (320102002) and sees its subtree only.
[Collection(NanjingCollection.Name)]
public sealed class DataScopeTests(GridGovApp app)
{
    const long OwnStreet = 320102002, OwnCommunity = 320102002001, OtherStreet = 320102003, OtherCommunity = 320102003001;

    [Fact]
    public async Task Street_user_sees_its_street_as_the_top_of_the_tree()
    {
        using var street = await app.ClientForAsync("street");
        var roots = await street.GetFromJsonAsync<JsonElement>("/api/v1/org/roots");
        Assert.Equal([OwnStreet], roots.EnumerateArray().Select(r => r.GetProperty("code").GetInt64()));
        Assert.Equal("梅园新村街道", roots[0].GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("/api/v1/org/units/{0}")]
    [InlineData("/api/v1/org/units/{0}/children")]
    [InlineData("/api/v1/org/units/{0}/path")]
    [InlineData("/api/v1/org/units/{0}/counts")]
    [InlineData("/api/v1/org/units/{0}/children.geojson")]
    public async Task Org_endpoints_answer_for_the_own_subtree_and_404_outside_it(string pattern)
    {
        using var street = await app.ClientForAsync("street");
        Assert.Equal(HttpStatusCode.OK, (await street.GetAsync(string.Format(pattern, OwnCommunity))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await street.GetAsync(string.Format(pattern, OtherCommunity))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await street.GetAsync(string.Format(pattern, OtherStreet))).StatusCode);
        // Upwards is outside too: the street user cannot open its district.
        Assert.Equal(HttpStatusCode.NotFound, (await street.GetAsync(string.Format(pattern, 320102))).StatusCode);
    }

    [Fact]
    public async Task Children_of_the_own_street_are_its_communities_only()
    {
        using var street = await app.ClientForAsync("street");
        var children = await street.GetFromJsonAsync<JsonElement>($"/api/v1/org/units/{OwnStreet}/children");
        var codes = children.EnumerateArray().Select(c => c.GetProperty("code").GetInt64()).ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes, c => Assert.Equal(OwnStreet, c / 1000));
    }

    [Fact]
    public async Task Users_outside_the_scope_are_not_listed_and_answer_404()
    {
        await using var db = app.UnscopedDb();
        var district = db.Users.Single(u => u.UserName == "district");
        var grid = db.Users.Single(u => u.UserName == "grid");
        using var street = await app.ClientForAsync("street");

        var list = await street.GetFromJsonAsync<JsonElement>("/api/v1/users?pageSize=200");
        var names = list.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("userName").GetString()).ToList();
        Assert.Contains("street", names);
        Assert.Contains("grid", names);
        Assert.DoesNotContain("district", names);
        Assert.DoesNotContain("admin", names);

        Assert.Equal(HttpStatusCode.OK, (await street.GetAsync($"/api/v1/users/{grid.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await street.GetAsync($"/api/v1/users/{district.Id}")).StatusCode);
    }

    [Fact]
    public async Task Audit_records_outside_the_scope_answer_404()
    {
        // The district account writes in another street (its own district level), the admin audits.
        using var admin = await app.ClientForAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName = "scope_probe_" + Guid.NewGuid().ToString("N")[..6], displayName = "测试人员", orgUnitCode = OtherCommunity,
            dataScope = "UnitAndBelow", roles = new[] { "grid_worker" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        await using var db = app.UnscopedDb();
        var otherSeq = db.AuditRecords.Where(a => a.GridCode >= OtherCommunity * 1000 && a.GridCode < (OtherCommunity + 1) * 1000)
            .Max(a => a.Seq);
        var auditor = await app.ClientForAsync("auditor");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/v1/audit/{otherSeq}")).StatusCode);

        // A street-level auditor of 梅园新村街道 sees its own street's records only.
        var password = "Street-audit-1a";
        var probe = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName = "street_auditor_" + Guid.NewGuid().ToString("N")[..6], displayName = "街道审计", orgUnitCode = OwnStreet,
            dataScope = "UnitAndBelow", roles = new[] { "auditor" }, password,
        });
        var user = (await probe.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("userName").GetString()!;
        using var streetAuditor = await app.ClientForAsync(user, password);
        Assert.Equal(HttpStatusCode.NotFound, (await streetAuditor.GetAsync($"/api/v1/audit/{otherSeq}")).StatusCode);
        var page = await streetAuditor.GetFromJsonAsync<JsonElement>("/api/v1/audit?pageSize=200");
        Assert.All(page.GetProperty("items").EnumerateArray(), a =>
            Assert.Equal(OwnStreet, a.GetProperty("gridCode").GetInt64() / 1_000_000));
    }

    [Theory]
    [InlineData("PUT", "")]
    [InlineData("POST", "/disable")]
    [InlineData("POST", "/enable")]
    [InlineData("POST", "/reset-password")]
    public async Task Changing_an_account_outside_the_scope_answers_404_and_changes_nothing(string method, string action)
    {
        await using var db = app.UnscopedDb();
        var admin = db.Users.Single(u => u.UserName == "admin");
        // The district account manages users, but the city's admin is above it.
        using var district = await app.ClientForAsync("district");
        var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/users/{admin.Id}{action}");
        if (method == "PUT")
            request.Content = JsonContent.Create(new { displayName = "被改了", orgUnitCode = 320102, dataScope = "UnitAndBelow", roles = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.NotFound, (await district.SendAsync(request)).StatusCode);

        await using var after = app.UnscopedDb();
        var unchanged = after.Users.Single(u => u.Id == admin.Id);
        Assert.Equal(admin.DisplayName, unchanged.DisplayName);
        Assert.Equal(admin.PasswordHash, unchanged.PasswordHash);
        Assert.False(unchanged.Disabled);
    }
}
