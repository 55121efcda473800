using System.Net;
using System.Net.Http.Headers;
using GridGov.Tests.Infrastructure;

namespace GridGov.Tests.Desk;

// An unknown address: a browser gets the 404 page with its way back, the API its ProblemDetails.
[Collection(NanjingCollection.Name)]
public sealed class NotFoundPageTests(GridGovApp app)
{
    [Fact]
    public async Task A_browser_gets_the_chinese_404_page_and_the_api_a_problem()
    {
        using var c = app.CreateClient(new() { AllowAutoRedirect = false });
        var page = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        page.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        var html = await c.SendAsync(page);
        Assert.Equal(HttpStatusCode.NotFound, html.StatusCode);
        var body = await html.Content.ReadAsStringAsync();
        Assert.Contains("页面不存在", body);
        Assert.Contains("返回上一页", body);
        Assert.Contains("回到工作台", body);

        var api = new HttpRequestMessage(HttpMethod.Get, "/api/v1/no-such-thing");
        api.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var json = await (await app.ClientForAsync("admin")).SendAsync(api);
        Assert.Equal(HttpStatusCode.NotFound, json.StatusCode);
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType!.MediaType);
    }
}
