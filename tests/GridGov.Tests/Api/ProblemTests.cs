using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GridGov.Features.Tickets;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Api;

// Every error a client can meet answers ProblemDetails with a Chinese title and a traceId, and a
// body or parameter that cannot be read names the field at fault (DESIGN.md §3 conventions).
[Collection(NanjingCollection.Name)]
public sealed class ProblemTests(GridGovApp app)
{
    static async Task<JsonElement> ProblemAsync(HttpResponseMessage r, HttpStatusCode expected)
    {
        Assert.Equal(expected, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var p = await r.Content.ReadFromJsonAsync<JsonElement>();
        var title = p.GetProperty("title").GetString()!;
        Assert.DoesNotContain(title, c => char.IsAsciiLetter(c));
        Assert.False(string.IsNullOrEmpty(p.GetProperty("traceId").GetString()));
        return p;
    }

    static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_value_of_the_wrong_type_names_its_field()
    {
        using var grid = await app.ClientForAsync("grid");
        var p = await ProblemAsync(await grid.PostAsync("/api/v1/tickets", Json("""{"categoryCode":"E0101","description":"井盖缺失","lon":"东经118度"}""")), HttpStatusCode.BadRequest);
        Assert.Equal("提交的数据有误", p.GetProperty("title").GetString());
        var errors = p.GetProperty("errors");
        Assert.Contains("格式不正确", errors.GetProperty("lon")[0].GetString());
    }

    [Fact]
    public async Task A_body_that_is_not_json_says_so_and_writes_nothing()
    {
        using var grid = await app.ClientForAsync("grid");
        await using var db = app.UnscopedDb();
        var before = await db.Tickets.CountAsync();
        var p = await ProblemAsync(await grid.PostAsync("/api/v1/tickets", Json("""{"description": 井盖""")), HttpStatusCode.BadRequest);
        Assert.True(p.GetProperty("errors").EnumerateObject().Any());
        Assert.Contains("JSON", p.GetProperty("detail").GetString());
        Assert.Equal(before, await db.Tickets.CountAsync());
    }

    [Fact]
    public async Task A_query_parameter_of_the_wrong_type_names_the_parameter()
    {
        using var street = await app.ClientForAsync("street");
        var p = await ProblemAsync(await street.GetAsync("/api/v1/tickets/counts?area=玄武区"), HttpStatusCode.BadRequest);
        Assert.Contains("玄武区", p.GetProperty("errors").GetProperty("area")[0].GetString());
    }

    [Fact]
    public async Task Not_signed_in_forbidden_and_not_found_answer_in_chinese()
    {
        using var anonymous = app.CreateClient();
        var unauthorized = await ProblemAsync(await anonymous.GetAsync("/api/v1/tickets"), HttpStatusCode.Unauthorized);
        Assert.Equal("未登录或登录已失效", unauthorized.GetProperty("title").GetString());

        using var grid = await app.ClientForAsync("grid");
        await ProblemAsync(await grid.GetAsync("/api/v1/users"), HttpStatusCode.Forbidden);
        var missing = await ProblemAsync(await grid.GetAsync("/api/v1/tickets/987654321"), HttpStatusCode.NotFound);
        Assert.Equal("记录不存在或不在您的数据范围内", missing.GetProperty("title").GetString());
        await ProblemAsync(await grid.GetAsync("/api/v1/no-such-thing"), HttpStatusCode.NotFound);
        await ProblemAsync(await grid.DeleteAsync("/api/v1/tickets"), HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task A_browser_that_does_not_take_json_reads_one_chinese_line()
    {
        using var client = app.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tickets");
        request.Headers.Accept.ParseAdd("text/html");
        var r = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        Assert.Equal("401 未登录或登录已失效", await r.Content.ReadAsStringAsync());
    }
}
