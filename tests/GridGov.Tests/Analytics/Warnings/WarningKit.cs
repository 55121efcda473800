using GridGov.Features.Analytics.Warnings;
using GridGov.Features.Organization;
using GridGov.Features.Tickets;
using GridGov.Features.Tickets.Categories;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Tests.Analytics.Warnings;

// A ticket to arrange behind the API's back (as an operator with psql would): reported at a chosen
// time, somewhere chosen, in a chosen state.
public sealed record TicketSeed(long Grid, string Category, DateTime At, string Description = "劳动者反映单位拖欠工资")
{
    public double? Lon { get; init; }
    public double? Lat { get; init; }
    public TicketState State { get; init; } = TicketState.Reported;
    public long? Department { get; init; }
    public DateTime? DueAt { get; init; }
}

// Arranges rules and tickets for the warning tests and runs the evaluator from the app's own services.
// Each test class keeps to streets no other test uses (红山 320102008, 孝陵卫 320102009, 玄武湖
// 320102010), or to its own grid and class in 梅园新村 when the demo accounts must act on the warning.
public sealed class WarningKit(GridGovApp app)
{
    public WarningEvaluator Evaluator => app.Services.GetRequiredService<WarningEvaluator>();

    public async Task<List<long>> GridsOfAsync(long unit, int count = 1)
    {
        await using var db = app.UnscopedDb();
        var (from, to) = OrgCode.Subtree(unit);
        return await db.OrgUnits.Where(u => u.Code >= from && u.Code <= to && u.Level == OrgLevel.Grid).OrderBy(u => u.Code).Select(u => u.Code).Take(count).ToListAsync();
    }

    public async Task<(double Lon, double Lat)> PointAsync(long grid)
    {
        await using var db = app.UnscopedDb();
        var g = await db.OrgUnits.SingleAsync(u => u.Code == grid);
        return (g.LabelLon, g.LabelLat);
    }

    // A point `east` and `north` metres from another.
    public static (double Lon, double Lat) Offset((double Lon, double Lat) p, double east, double north) =>
        (p.Lon + east / (111_320 * Math.Cos(p.Lat * Math.PI / 180)), p.Lat + north / 111_320);

    public async Task<List<long>> TicketsAsync(IEnumerable<TicketSeed> seeds)
    {
        var catalog = app.Services.GetRequiredService<CategoryCatalog>();
        var tickets = seeds.Select(s => new Ticket
        {
            CategoryId = catalog.Find(s.Category)!.Id, Description = s.Description, GridCode = s.Grid, CentreCode = OrgCode.Street(s.Grid),
            Lon = s.Lon, Lat = s.Lat, Source = TicketSource.Patrol, State = s.State, ReportedAt = s.At, UpdatedAt = s.At,
            DueAt = s.DueAt ?? s.At.AddHours(1), LeadDepartmentId = s.Department,
            AcceptLimit = "1h", DispatchLimit = "1h", HandleLimit = "1d", VerifyLimit = "1d",
        }).ToList();
        await using var db = app.UnscopedDb();
        db.Tickets.AddRange(tickets);
        await db.SaveChangesAsync();
        if (tickets.Any(t => t.LeadDepartmentId is not null))
        {
            db.TicketAssignments.AddRange(tickets.Where(t => t.LeadDepartmentId is not null)
                .Select(t => new TicketAssignment { TicketId = t.Id, DepartmentId = t.LeadDepartmentId!.Value, Lead = true, Active = true, AssignedAt = t.ReportedAt }));
            await db.SaveChangesAsync();
        }
        return [.. tickets.Select(t => t.Id)];
    }

    // A rule written as the city would write it; its name made unique.
    public async Task<WarningRule> RuleAsync(WarningRule rule)
    {
        rule.Name = $"{rule.Name}{Guid.NewGuid().ToString("N")[..6]}";
        rule.CreatedAt = rule.UpdatedAt = DateTime.UtcNow;
        await using var db = app.UnscopedDb();
        db.WarningRules.Add(rule);
        await db.SaveChangesAsync();
        return rule;
    }

    public Task<List<Warning>> EvaluateAsync(WarningRule rule, DateTime? now = null) => Evaluator.EvaluateAsync(rule.Id, now ?? DateTime.UtcNow);

    public async Task<List<Warning>> WarningsOfAsync(WarningRule rule)
    {
        await using var db = app.UnscopedDb();
        return await db.Warnings.Where(w => w.RuleId == rule.Id).OrderBy(w => w.Id).ToListAsync();
    }

    public async Task<List<long>> EvidenceAsync(long warningId)
    {
        await using var db = app.UnscopedDb();
        return await db.WarningEvidence.Where(e => e.WarningId == warningId).OrderBy(e => e.TicketId).Select(e => e.TicketId).ToListAsync();
    }
}
