using System.Text.Json;
using GridGov.Features.Organization;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Places;
using GridGov.Infrastructure.Printing;
using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Addresses;

// "打印门牌二维码": the room-level addresses of a community (or of one building or compound in it) as a
// PDF of door plates; each code is the URL of the address in the terminal on this host. In the caller's
// scope only (404 otherwise), audited as a Print record.
public sealed class PrintPlates(GridDbContext db, SheetFont font, Places places, CurrentUser user, TimeProvider time)
{
    public async Task<IResult> HandleAsync(long community, long? under, HttpRequest request, CancellationToken ct = default)
    {
        // Scope first: a community outside it answers 404 whatever the server lacks.
        if (OrgCode.LevelOf(community) != OrgLevel.Community || !user.Scope.Contains(OrgCode.Pad(community)))
            return TypedResults.NotFound();
        if (font.Typeface is not { } typeface)
            return TypedResults.Problem("服务器未安装中文字体，无法生成门牌二维码。请管理员安装 Noto Sans CJK 字体（fonts-noto-cjk）或在 GridGov:PdfFont 中配置字体文件。",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "门牌二维码暂时无法生成");
        var name = await places.NameAsync(community, ct);
        if (name is null) return TypedResults.NotFound();
        var rooms = db.Set<Address>().AsNoTracking().Where(a => a.CommunityCode == community && a.Kind == AddressKind.Room && a.State != VerificationState.Removed);
        var title = $"{name}门牌二维码";
        if (under is { } id)
        {
            var parent = await db.Set<Address>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.CommunityCode == community, ct);
            if (parent is null) return TypedResults.NotFound();
            rooms = rooms.Where(a => a.Code.StartsWith(parent.Code));
            title = $"{name}{parent.FullName}门牌二维码";
        }
        var total = await rooms.CountAsync(ct);
        var origin = $"{request.Scheme}://{request.Host}{request.PathBase}";
        var plates = rooms.OrderBy(a => a.Code).Select(a => new { a.FullName, a.Code }).AsEnumerable()
            .Select(a => new PlateSheet.Plate(a.FullName, a.Code, origin + GetAddress.TerminalPath(a.Code)));
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            var printedAt = time.GetUtcNow().UtcDateTime;
            await Task.Run(() => PlateSheet.Render(file, title, plates, total, typeface, printedAt), ct);
            db.AuditSummary = new AuditSummary("Print", nameof(Address), under?.ToString() ?? community.ToString(), OrgCode.Pad(community),
                JsonSerializer.Serialize(new { sheet = "门牌二维码", rows = total }));
            await db.SaveChangesAsync(ct);
            file.Position = 0;
            request.HttpContext.Response.Headers.ContentDisposition = $"inline; filename=\"plates-{community}.pdf\"; filename*=UTF-8''{Uri.EscapeDataString(title + ".pdf")}";
            Infrastructure.Web.SecurityHeaders.Pdf(request.HttpContext);
            return TypedResults.File(file, "application/pdf");
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
