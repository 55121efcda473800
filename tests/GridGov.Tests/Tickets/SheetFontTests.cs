using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace GridGov.Tests.Tickets;

// Without a Chinese font no handling sheet can be drawn: the server says so, in Chinese, as a 503
// ProblemDetails, rather than printing empty boxes.
public sealed class SheetFontTests : IAsyncLifetime
{
    sealed class NoFontApp : GridGovApp
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            base.Configure(builder);
            builder.UseSetting("GridGov:PdfFont", Path.Combine(DataDir, "没有这个字体.ttc"));
        }
    }

    readonly NoFontApp app = new();

    public Task InitializeAsync() { _ = app.Server; return Task.CompletedTask; }
    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_configured_font_that_does_not_exist_answers_503_in_Chinese()
    {
        using var client = await app.ClientForAsync("admin");
        var response = await client.GetAsync("/api/v1/tickets/1/sheet.pdf");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Equal("办理单暂时无法生成", problem.GetProperty("title").GetString());
        Assert.StartsWith("服务器未安装中文字体", problem.GetProperty("detail").GetString());
        Assert.True(problem.TryGetProperty("traceId", out _));
    }
}
