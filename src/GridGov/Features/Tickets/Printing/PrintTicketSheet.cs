using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Printing;
using GridGov.Infrastructure.Security;

namespace GridGov.Features.Tickets.Printing;

// "打印办理单": the ticket's one-page handling sheet as a PDF, for the caller's scope only (404
// outside it, as the ticket page), audited as a "Print" record like an export — paper leaves the
// system and the log says who took it. The QR code leads back to the ticket's page on this host.
public sealed class PrintTicketSheet(TicketQueries queries, SheetFont font, GridDbContext db, CurrentUser user, TimeProvider time)
{
    public const string ContentType = "application/pdf";

    public async Task<IResult> HandleAsync(long id, HttpRequest request, CancellationToken ct = default)
    {
        // The font first: without it no sheet can be printed, whichever ticket is asked for.
        if (font.Typeface is not { } typeface)
            return TypedResults.Problem("服务器未安装中文字体，无法生成办理单。请管理员安装 Noto Sans CJK 字体（fonts-noto-cjk）或在 GridGov:PdfFont 中配置字体文件。",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "办理单暂时无法生成");
        if (await queries.DetailAsync(id, ct) is not { } ticket) return TypedResults.NotFound();
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}/tickets/{ticket.Id}";
        var printedAt = time.GetUtcNow().UtcDateTime;
        var pdf = await Task.Run(() => TicketSheet.Render(new(ticket, url, user.DisplayName, printedAt), typeface), ct);
        db.AuditSummary = new AuditSummary("Print", nameof(Ticket), ticket.Number, ticket.GridCode,
            System.Text.Json.JsonSerializer.Serialize(new { sheet = "办理单", bytes = pdf.Length }));
        await db.SaveChangesAsync(ct);
        // Inline: the browser shows it in its own viewer, from which it is printed; saving it keeps this name.
        request.HttpContext.Response.Headers.ContentDisposition = $"inline; filename=\"ticket-{ticket.Number}.pdf\"; filename*=UTF-8''{Uri.EscapeDataString($"办理单-{ticket.Number}.pdf")}";
        Infrastructure.Web.SecurityHeaders.Pdf(request.HttpContext);
        return TypedResults.File(pdf, ContentType);
    }
}
