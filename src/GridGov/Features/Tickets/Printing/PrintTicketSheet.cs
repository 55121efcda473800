using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridGov.Features.Tickets.Printing;

// "打印办理单": the ticket as a one-page PDF with a QR code to its page, for the paper file and for the
// handler who goes out without a screen. Only a ticket the caller may open (404 otherwise); each
// print is recorded in the audit trail like an export, since the paper leaves the system.
public sealed class PrintTicketSheet(TicketQueries queries, SheetFont font, GridDbContext db, CurrentUser user)
{
    public async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> HandleAsync(
        long id, string siteUrl, CancellationToken ct = default)
    {
        if (font.Typeface is not { } face)
            return TypedResults.Problem(title: "暂时无法打印办理单",
                detail: "服务器未安装中文字体（Noto Sans CJK），无法生成办理单。请管理员安装 fonts-noto-cjk，或在配置 GridGov:PdfFont 中指定字体文件。",
                statusCode: 503);
        if (await queries.DetailAsync(id, ct) is not { } t)
            return TypedResults.NotFound();

        var pdf = TicketSheet.Pdf(Content(t, $"{siteUrl.TrimEnd('/')}/tickets/{t.Id}"), face);
        db.AuditSummary = new AuditSummary("Print", nameof(Ticket), t.Number, user.UnitCode > 0 ? OrgCode.Pad(user.UnitCode) : 0,
            System.Text.Json.JsonSerializer.Serialize(new { what = "办理单", number = t.Number }));
        await db.SaveChangesAsync(ct);
        return TypedResults.File(pdf, "application/pdf", $"办理单-{t.Number}.pdf");
    }

    TicketSheet.Content Content(TicketDetail t, string url) => new(
        Number: t.Number,
        Category: t.CategoryName,
        State: t.StateName,
        Source: TicketNames.Source(t.Source),
        Urgency: t.Urgent ? "【紧急】" : "",
        Reporter: t.ReporterName,
        ReportedAt: ChinaTime.Format(t.ReportedAt),
        Grid: t.GridName,
        Centre: t.CentreName,
        Department: t.LeadDepartment,
        CoDepartments: t.CoDepartments.Count > 0 ? string.Join("、", t.CoDepartments) : null,
        DueAt: t.DueAt is { } due ? ChinaTime.Format(due) + (t.Overdue ? "（已超期）" : "") : null,
        Address: t.Address,
        Location: t.Lon is { } lon && t.Lat is { } lat ? $"东经 {lon:0.000000}°，北纬 {lat:0.000000}°" : null,
        Description: t.Description,
        Result: t.Result,
        Supervision: t.Supervision == Supervision.None ? null : TicketNames.Supervision(t.Supervision),
        Steps: [.. t.Timeline.OrderBy(e => e.At).Select(e => new TicketSheet.Step(
            ChinaTime.FromUtc(e.At).ToString("yyyy-MM-dd HH:mm"), e.ActionName, e.ActorName, e.Department, e.Note))],
        Url: url,
        PrintedAt: ChinaTime.FromUtc(DateTime.UtcNow).ToString("yyyy-MM-dd HH:mm"),
        PrintedBy: user.DisplayName);
}
