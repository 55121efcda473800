using System.Net;
using System.Net.Http.Json;
using GridGov.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Tickets;

// The 办理单 PDF through HTTP: only for a ticket the caller may open, and audited. Its content
// (one page, the number, the QR code) is read by the browser tests with poppler and ZXing.
[Collection(NanjingCollection.Name)]
public sealed class TicketSheetTests(GridGovApp app)
{
    // A grid of 梅园新村街道 and one of 秦淮区.
    const long OwnGrid = 320102002005001, QinhuaiGrid = 320104001007001;
    readonly TicketKit kit = new(app);

    [Fact]
    public async Task A_ticket_in_scope_prints_as_a_pdf_and_the_print_is_audited()
    {
        var t = await kit.ReportAsync(user: "street", category: "E0102", description: "打印办理单测试：兰园小区暴露垃圾", at: await kit.PointOfAsync(OwnGrid));
        var response = await (await kit.As("street")).GetAsync($"/api/v1/tickets/{t.Id}/sheet.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"办理单-{t.Number}.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        // The browser's PDF viewer does not open sandboxed documents: the PDF has its own policy.
        Assert.DoesNotContain("sandbox", response.Headers.GetValues("Content-Security-Policy").Single());

        await using var db = app.UnscopedDb();
        Assert.True(await db.AuditRecords.AnyAsync(a => a.Action == "Print" && a.EntityKey == t.Number && a.ActorName != ""));
    }

    [Fact]
    public async Task Another_areas_ticket_answers_404_and_no_login_401()
    {
        var elsewhere = await kit.ReportAsync(user: "admin", category: "E0102", description: "秦淮区的事件，街道不能打印", at: await kit.PointOfAsync(QinhuaiGrid));
        foreach (var user in new[] { "street", "grid", "handler" })
        {
            var response = await (await kit.As(user)).GetAsync($"/api/v1/tickets/{elsewhere.Id}/sheet.pdf");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await (await kit.As("street")).GetAsync("/api/v1/tickets/999999999/sheet.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await kit.As("admin")).GetAsync($"/api/v1/tickets/{elsewhere.Id}/sheet.pdf")).StatusCode);

        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/tickets/{elsewhere.Id}/sheet.pdf")).StatusCode);
    }
}

// A font path that does not exist: the operator is told in Chinese, not given a blank sheet.
public sealed class MissingFontApp : GridGovApp
{
    protected override void Configure(IWebHostBuilder builder)
    {
        base.Configure(builder);
        builder.UseSetting("GridGov:PdfFont", "/nonexistent/NotoSansCJK-Regular.ttc");
    }
}

public sealed class TicketSheetFontTests : IAsyncLifetime
{
    readonly MissingFontApp app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => app.DisposeAsync().AsTask();

    [Fact]
    public async Task Without_a_font_the_sheet_answers_503_in_chinese()
    {
        var response = await (await app.ClientForAsync("admin")).GetAsync("/api/v1/tickets/1/sheet.pdf");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("暂时无法打印办理单", problem!.Title);
        Assert.Contains("GridGov:PdfFont", problem.Detail);
        Assert.Contains("中文字体", problem.Detail);
    }
}
