using GridGov.Features.Registry.Addresses;
using GridGov.Features.Tickets;
using GridGov.Features.Tickets.Categories;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Report;

public sealed record ReportCategory(string Code, string Name, string Major);
public sealed record ReportAddress(long Id, string FullName, double? Lon, double? Lat, long GridCode);
public sealed record ReportForm(List<ReportCategory> Categories, List<string> Recent, ReportAddress? Address);

// What the phone's report form offers: the classes (minor, enabled) grouped by their major class,
// the caller's recently used ones first, and the address when the report starts from a door plate.
public sealed class GetReportForm(GridDbContext db, CategoryCatalog catalog, CurrentUser user)
{
    public async Task<ReportForm> HandleAsync(long? addressId, CancellationToken ct = default)
    {
        var majors = catalog.All.Where(c => !c.IsMinor).ToDictionary(c => c.Code, c => c.Name);
        var categories = catalog.All.Where(c => c.IsMinor && c.Enabled)
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => new ReportCategory(c.Code, c.Name, majors.GetValueOrDefault(c.ParentCode!) ?? "")).ToList();
        var me = user.UserId;
        var used = await db.Tickets.AsNoTracking().Where(t => t.ReporterId == me).OrderByDescending(t => t.Id).Take(60)
            .Select(t => t.CategoryId).ToListAsync(ct);
        var recent = used.Distinct().Select(catalog.Get).Where(c => c is { Enabled: true, IsMinor: true }).Take(6).Select(c => c!.Code).ToList();
        var address = addressId is { } id
            ? await db.Set<Address>().AsNoTracking().Where(a => a.Id == id).Select(a => new ReportAddress(a.Id, a.FullName, a.Lon, a.Lat, a.GridCode)).FirstOrDefaultAsync(ct)
            : null;
        return new(categories, recent, address);
    }
}
