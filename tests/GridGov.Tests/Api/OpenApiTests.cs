using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Tests.Infrastructure;

namespace GridGov.Tests.Api;

[Collection(NanjingCollection.Name)]
public sealed class OpenApiTests(GridGovApp app)
{
    [Fact]
    public async Task The_openapi_document_describes_the_api_and_the_reference_page_is_served()
    {
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/api/docs/")).StatusCode);
        using var client = await app.ClientForAsync("district");
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/org/units/{code}/children.geojson", paths);
        Assert.Contains("/api/v1/users", paths);
        Assert.Contains("/api/v1/auth/token", paths);
        Assert.Contains("/api/v1/audit", paths);

        var docs = await client.GetAsync("/api/docs/");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("GridGov API", await docs.Content.ReadAsStringAsync());
    }

    // Other systems read the API from the OpenAPI document: every operation of every area has a
    // stable English operation id and a Chinese summary.
    [Fact]
    public async Task Every_operation_has_an_operation_id_and_a_chinese_summary()
    {
        using var client = await app.ClientForAsync("district");
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operations = doc.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Operation: o.Value)))
            .ToList();
        Assert.True(operations.Count >= 46, $"only {operations.Count} operations");
        var ids = new List<string>();
        foreach (var (path, method, op) in operations)
        {
            Assert.True(op.TryGetProperty("operationId", out var id) && id.GetString() is { Length: > 0 } s && char.IsUpper(s[0]) && s.All(char.IsAsciiLetterOrDigit),
                $"{method} {path} has no PascalCase operation id");
            ids.Add(id.GetString()!);
            Assert.True(op.TryGetProperty("summary", out var summary) && summary.GetString()!.Any(c => c >= '\u4e00' && c <= '\u9fff'),
                $"{method} {path} has no Chinese summary");
        }
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains("ExecuteTicketAction", ids);
        Assert.Contains("CreateUser", ids);
        Assert.Contains("GetOrgChildrenGeoJson", ids);
        Assert.Contains("ListAuditRecords", ids);
    }

    [Fact]
    public async Task The_children_geojson_of_the_city_is_its_districts_with_real_boundaries()
    {
        using var admin = await app.ClientForAsync("admin");
        var r = await admin.GetAsync("/api/v1/org/units/3201/children.geojson");
        Assert.Equal("application/geo+json", r.Content.Headers.ContentType?.MediaType);
        var fc = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("FeatureCollection", fc.GetProperty("type").GetString());
        var features = fc.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(11, features.Count);
        Assert.All(features, f => Assert.Contains(f.GetProperty("geometry").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" }));
        Assert.Contains(features, f => f.GetProperty("properties").GetProperty("name").GetString() == "玄武区");
        Assert.All(features, f => Assert.False(f.GetProperty("properties").GetProperty("generated").GetBoolean()));
    }

    [Fact]
    public async Task Counts_of_the_city_match_the_import()
    {
        using var admin = await app.ClientForAsync("admin");
        var c = await admin.GetFromJsonAsync<JsonElement>("/api/v1/org/units/3201/counts");
        Assert.Equal(11, c.GetProperty("districts").GetInt32());
        Assert.Equal(140, c.GetProperty("streets").GetInt32());
        Assert.Equal(1322, c.GetProperty("communities").GetInt32());
        Assert.InRange(c.GetProperty("grids").GetInt32(), 3 * 1322, 8 * 1322);
    }

    [Fact]
    public async Task Validation_errors_are_problem_details_in_chinese_naming_each_field()
    {
        using var admin = await app.ClientForAsync("admin");
        var r = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "", displayName = "", orgUnitCode = 999, dataScope = "Custom" });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var errors = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("请填写用户名", errors.GetProperty("userName")[0].GetString());
        Assert.Equal("请填写姓名", errors.GetProperty("displayName")[0].GetString());
        Assert.Contains("不存在或不在您的管理范围内", errors.GetProperty("orgUnitCode")[0].GetString());
        Assert.Contains("至少选择一个单位", errors.GetProperty("customScopeUnits")[0].GetString());
    }

    [Fact]
    public async Task Child_stats_add_up_to_the_subtree_counts()
    {
        using var district = await app.ClientForAsync("district");
        var stats = await district.GetFromJsonAsync<JsonElement>("/api/v1/org/units/320102/child-stats");
        var counts = await district.GetFromJsonAsync<JsonElement>("/api/v1/org/units/320102/counts");
        var rows = stats.EnumerateArray().ToList();
        Assert.Equal(counts.GetProperty("streets").GetInt32(), rows.Count);
        Assert.Equal(counts.GetProperty("communities").GetInt32(), rows.Sum(r => r.GetProperty("communities").GetInt32()));
        Assert.Equal(counts.GetProperty("grids").GetInt32(), rows.Sum(r => r.GetProperty("grids").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await district.GetAsync("/api/v1/org/units/320104/child-stats")).StatusCode);
    }
}
