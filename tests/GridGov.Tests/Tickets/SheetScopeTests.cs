using System.Net;
using System.Text;
using GridGov.Features.Tickets;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Tickets;

// GET /api/v1/tickets/{id}/sheet.pdf: the handling sheet of a ticket the caller may see, audited as a
// print; another street's ticket is 404 as everywhere else, and nobody signed in gets 401.
[Collection(NanjingCollection.Name)]
public sealed class SheetScopeTests(GridGovApp app)
{
    // A grid of 秦虹街道, 秦淮区: outside 梅园新村街道, where the street's accounts work.
    const long QinhuaiGrid = 320104001001001;
    readonly TicketKit kit = new(app);

    [Fact]
    public async Task The_street_prints_its_own_ticket_and_the_print_is_audited()
    {
        var t = await kit.ReportAsync(user: "street", description: "长江路12号门口上水井盖缺失，有安全隐患，办理单打印");
        var response = await (await kit.As("street")).GetAsync($"/api/v1/tickets/{t.Id}/sheet.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"办理单-{t.Number}.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        // The PDF's own policy lets the browser's viewer run and nothing else.
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp);
        Assert.DoesNotContain("sandbox", csp);

        await using var db = app.UnscopedDb();
        Assert.True(await db.AuditRecords.AnyAsync(a => a.Action == "Print" && a.EntityType == nameof(Ticket) && a.EntityKey == t.Number && a.GridCode == t.GridCode));
    }

    [Theory]
    [InlineData("street")]
    [InlineData("grid")]
    public async Task Another_streets_ticket_answers_404(string user)
    {
        var t = await kit.ReportAsync(user: "admin", description: "秦淮区上水井盖缺失，办理单范围", at: await kit.PointOfAsync(QinhuaiGrid));
        Assert.Equal(HttpStatusCode.OK, (await (await kit.As("admin")).GetAsync($"/api/v1/tickets/{t.Id}/sheet.pdf")).StatusCode);

        var response = await (await kit.As(user)).GetAsync($"/api/v1/tickets/{t.Id}/sheet.pdf");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
        await using var db = app.UnscopedDb();
        Assert.Equal(1, await db.AuditRecords.CountAsync(a => a.Action == "Print" && a.EntityKey == t.Number));
    }

    [Fact]
    public async Task Nobody_signed_in_gets_401()
    {
        var t = await kit.ReportAsync(user: "street", description: "长江路12号门口上水井盖缺失，匿名打印");
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/tickets/{t.Id}/sheet.pdf")).StatusCode);
    }
}
