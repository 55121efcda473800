using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Tests.Infrastructure;
using GridGov.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Organization;

// GET /api/v1/org/units/{code}/grid-card: a grid in the caller's scope with the units above it.
[Collection(NanjingCollection.Name)]
public sealed class GridCardTests(GridGovApp app)
{
    [Fact]
    public async Task A_grid_worker_reads_their_grid_with_its_community_and_street()
    {
        using var grid = await app.ClientForAsync("grid");
        var me = await grid.GetFromJsonAsync<JsonElement>("/api/v1/org/roots");
        var code = me[0].GetProperty("code").GetInt64();

        var card = await grid.GetFromJsonAsync<JsonElement>($"/api/v1/org/units/{code}/grid-card");
        await using var db = app.UnscopedDb();
        var unit = await db.OrgUnits.SingleAsync(u => u.Code == code);
        var community = await db.OrgUnits.SingleAsync(u => u.Code == unit.ParentCode);
        var street = await db.OrgUnits.SingleAsync(u => u.Code == community.ParentCode);
        Assert.Equal(unit.Name, card.GetProperty("name").GetString());
        Assert.Equal(community.Name, card.GetProperty("community").GetString());
        Assert.Equal(street.Name, card.GetProperty("street").GetString());
        Assert.True(card.GetProperty("areaKm2").GetDouble() > 0);
        Assert.Contains(card.GetProperty("boundary").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" });
    }

    [Fact]
    public async Task Another_grid_or_a_unit_that_is_no_grid_is_not_found()
    {
        using var grid = await app.ClientForAsync("grid");
        var own = (await grid.GetFromJsonAsync<JsonElement>("/api/v1/org/roots"))[0].GetProperty("code").GetInt64();
        await using var db = app.UnscopedDb();
        var other = await db.OrgUnits.Where(u => u.Level == GridGov.Infrastructure.Places.OrgLevel.Grid && u.Code != own).Select(u => u.Code).FirstAsync();
        var parent = (await db.OrgUnits.SingleAsync(u => u.Code == own)).ParentCode!.Value;

        var refused = await grid.GetAsync($"/api/v1/org/units/{other}/grid-card");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains("不在您的数据范围内", await refused.Content.ReadAsStringAsync());
        using var admin = await app.ClientForAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/org/units/{other}/grid-card")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/org/units/{parent}/grid-card")).StatusCode);
    }
}
