using GridGov.Features.Tickets.Categories;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets;

// The category dictionary and the holiday calendar shipped in data/, loaded into an empty database.
// Each is one save: a crash leaves all of it or none.
public sealed class SeedTicketData(GridDatabase database)
{
    public static string DataPath(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "data", .. parts]);

    public async Task RunAsync(CancellationToken ct = default)
    {
        await using var db = database.CreateUnscoped(AuditActor.System);
        if (!await db.TicketCategories.AnyAsync(ct))
        {
            var rows = CategoryFile.Read(DataPath("tickets", "categories.csv"));
            db.AuditSummary = new AuditSummary("Import", nameof(TicketCategory), "categories.csv", 0, $"{{\"categories\":{rows.Count}}}");
            db.TicketCategories.AddRange(rows.Select(r => new TicketCategory
            {
                Code = r.Code, ParentCode = r.Parent, Name = r.Name, Kind = r.Kind,
                AcceptLimit = r.Accept?.ToString(), DispatchLimit = r.Dispatch?.ToString(), HandleLimit = r.Handle?.ToString(), VerifyLimit = r.Verify?.ToString(),
                Urgent = r.Urgent, RadiusMeters = r.RadiusMeters, DepartmentKind = r.Department,
            }));
            await db.SaveChangesAsync(ct);
        }
        if (!await db.CalendarDays.AnyAsync(ct))
        {
            var days = CalendarFile.Read(DataPath("calendar", "cn-holidays.csv"));
            db.AuditSummary = new AuditSummary("Import", nameof(CalendarDay), "cn-holidays.csv", 0, $"{{\"days\":{days.Count}}}");
            db.CalendarDays.AddRange(days);
            await db.SaveChangesAsync(ct);
        }
    }
}
