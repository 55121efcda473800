using System.Net;
using GridGov.Tests.Infrastructure;

namespace GridGov.Tests.Desk;

// A wrong address typed into the browser gets a Chinese page with a way back; the API keeps its
// ProblemDetails for programs.
[Collection(NanjingCollection.Name)]
public sealed class NotFoundPageTests(GridGovApp app)
{
    [Fact]
    public async Task A_browser_gets_the_chinese_404_page_and_the_api_a_problem()
    {
        using var client = await app.ClientForAsync("street");
        using var page = new HttpRequestMessage(HttpMethod.Get, "/no/such/page");
        page.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        var response = await client.SendAsync(page);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("页面不存在", html);
        Assert.Contains("id=\"way-home\"", html);
        Assert.Contains("返回上一页", html);

        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/v1/no-such-thing");
        api.Headers.Accept.ParseAdd("text/html,*/*;q=0.8");
        var problem = await client.SendAsync(api);
        Assert.Equal(HttpStatusCode.NotFound, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
    }
}
