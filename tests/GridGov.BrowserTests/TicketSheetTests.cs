using static GridGov.BrowserTests.PdfTools;
using GridGov.Features.Tickets;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// "打印办理单" on the ticket page: a one-page PDF that carries the ticket's number and a QR code
// leading back to the ticket's page, even for a long description and a long history. Read with
// Debian's poppler-utils (pdfinfo, pdftotext, pdftoppm), as a person would see it printed.
[Collection(BrowserCollection.Name)]
public sealed class TicketSheetTests(BrowserApp app)
{
    // The sheet's QR code, top right (62 pt square at 483 pt, near the top margin), in pixels at 150 dpi.
    static readonly (int, int, int, int) SheetQr = (980, 40, 220, 220);

    readonly DeskData data = new(app);

    [Fact]
    public async Task The_ticket_page_opens_a_one_page_sheet_with_its_number_and_a_QR_code_to_the_ticket()
    {
        var (own, _) = await data.PointsAsync();
        var ticket = await data.ReportAsync(await data.ClientAsync("street"), "太平北路88号人行道上水井盖缺失，行人经过有跌落危险", own);

        var page = await app.LoginAsync("acceptor");
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserApp.OpenAsync(page, $"/tickets/{ticket.Id}");
        var button = page.Locator("#ticket-print");
        await Assertions.Expect(button).ToHaveTextAsync("打印办理单");
        // A new tab, so the ticket page stays where it was.
        Assert.Equal("_blank", await button.GetAttributeAsync("target"));
        await BrowserApp.ShotAsync(page, "ticket-sheet-button");

        var pdf = await FetchAsync(page, (await button.GetAttributeAsync("href"))!, "ticket-sheet");
        Assert.Equal(1, Pages(pdf));
        var text = Text(pdf);
        Assert.Contains("网格化社会治理 事件办理单", text);
        Assert.Contains(ticket.Number, text);
        Assert.Contains("太平北路88号人行道上水井盖缺失", text);
        Assert.Equal($"{app.BaseUrl.TrimEnd('/')}/tickets/{ticket.Id}", QrCode(pdf, SheetQr));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_2000_character_description_and_forty_steps_still_fit_on_one_page()
    {
        var (own, _) = await data.PointsAsync();
        var ticket = await data.ReportAsync(await data.ClientAsync("street"), "长描述办理单：玄武大道沿线绿化带内堆放建筑垃圾", own);
        // Longer than intake takes today (an older system's records may bring such), and a history
        // far longer than one page holds, written behind the API's back.
        var description = string.Concat(Enumerable.Range(0, 100).Select(i => $"第{i:000}段：绿化带内堆放建筑垃圾。")).PadRight(2000, '。')[..2000];
        await using (var db = app.Services.GetRequiredService<GridDatabase>().CreateUnscoped(AuditActor.System))
        {
            var t = await db.Tickets.SingleAsync(x => x.Id == ticket.Id);
            t.Description = description;
            var at = t.ReportedAt;
            for (var i = 1; i <= 40; i++)
                db.TicketEvents.Add(new TicketEvent
                {
                    TicketId = t.Id, At = at.AddMinutes(i * 7), ActorName = $"处置人员{i:00}", Action = TicketAction.ReportBack,
                    From = t.State, To = t.State, Note = $"第{i:00}次办理意见：" + new string('清', 120) + $"尾{i:00}",
                });
            await db.SaveChangesAsync();
        }

        var page = await app.LoginAsync("street");
        var pdf = await FetchAsync(page, $"/api/v1/tickets/{ticket.Id}/sheet.pdf", "ticket-sheet-long");
        Assert.Equal(1, Pages(pdf));
        var text = Text(pdf);
        Assert.Contains(ticket.Number, text);
        // The description is cut with "…", the history keeps the report and the latest step, and says what it left out.
        Assert.Contains("第000段", text);
        Assert.DoesNotContain("第099段", text);
        Assert.Contains("...", text); // "…", as NFKC folds it
        Assert.Contains("处置人员40", text);
        Assert.DoesNotContain("处置人员05", text);
        Assert.Contains("从略", text);
        Assert.Contains("经办人", text);
        Assert.Equal($"{app.BaseUrl.TrimEnd('/')}/tickets/{ticket.Id}", QrCode(pdf, SheetQr));
        await page.Context.CloseAsync();
    }
}
