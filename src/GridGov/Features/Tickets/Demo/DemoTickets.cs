using System.Diagnostics;
using System.Text.Json;
using GridGov.Features.Organization;
using GridGov.Features.Organization.Import;
using GridGov.Features.Tickets.Categories;
using GridGov.Features.Tickets.Deadlines;
using GridGov.Features.Tickets.Dispatching;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace GridGov.Features.Tickets.Demo;

// A history for the demo city, made on the first start right after the city is imported, so that
// queues, ticket pages and statistics look like a city in operation: GridGov:DemoTickets tickets
// (default 4,000; 0 = none) over the last 120 days in the demo district, more in the demo accounts'
// street and grid, and a few dispatch rules. One transaction, audited as one summary record.
public sealed class DemoTickets(GridDatabase database, TicketClock clock, IConfiguration config)
{
    public const int Seed = 3201;
    public const int DefaultCount = 4000;
    public static readonly string[] AccountNames = ["grid", "street", "acceptor", "dispatcher", "chief", "handler", "district"];

    // `accounts`: the demo accounts by user name (AccountNames), so that the history names them.
    public async Task<int> RunAsync(IReadOnlyDictionary<string, DemoAccount> accounts, CancellationToken ct = default)
    {
        var count = config.GetValue<int?>("GridGov:DemoTickets") ?? DefaultCount;
        if (count <= 0) return 0;
        var watch = Stopwatch.StartNew();
        await using var db = database.CreateUnscoped(AuditActor.System);
        if (await db.Tickets.AnyAsync(ct) || await AreaAsync(db, ct) is not { } area) return 0;
        var departments = await DepartmentsAsync(db, area.District, ct);
        var rules = Rules(area.District, departments);
        var world = await LoadWorldAsync(db, area, departments, rules, accounts, ct);
        await clock.LoadAsync(ct);
        var batch = new TicketGenerator(world, clock, Seed).Generate(count, clock.Now);
        await SaveAsync(db, area, rules, batch, ct);
        Console.WriteLine($"  已生成示范工单 {batch.Tickets.Count} 条，派遣规则 {rules.Count} 条（用时 {watch.Elapsed.TotalSeconds:0.0} 秒）");
        return batch.Tickets.Count;
    }

    // Tickets one by one in report order (a duplicate needs its earlier primary's id), then their
    // history and assignments in bulk, then the rules with the one audit record: one transaction.
    static async Task SaveAsync(GridDbContext db, DemoArea area, List<DispatchRule> rules, DemoBatch batch, CancellationToken ct)
    {
        var primaryOf = batch.Links.ToDictionary(l => l.Duplicate, l => l.Primary);
        var events = batch.Tickets.SelectMany(t => t.Events).ToList();
        var assignments = batch.Tickets.SelectMany(t => t.Assignments).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await using (var writer = new BulkWriter<Ticket>(db))
            foreach (var t in batch.Tickets)
            {
                if (primaryOf.TryGetValue(t, out var primary)) t.PrimaryId = primary.Id;
                await writer.InsertAsync(t, ct);
                foreach (var e in t.Events) e.TicketId = t.Id;
                foreach (var a in t.Assignments) a.TicketId = t.Id;
            }
        foreach (var link in batch.Links)
        {
            var number = Ticket.NumberOf(link.Primary.Id, link.Primary.ReportedAt);
            link.LinkEvent.Note = $"与工单 {number} 为同一问题";
            if (link.CloseEvent is { } close) close.Note = $"随主工单 {number} 结案：{link.Primary.Result}";
        }
        await using (var writer = new BulkWriter<TicketEvent>(db)) await writer.InsertManyAsync(events, ct);
        await using (var writer = new BulkWriter<TicketAssignment>(db)) await writer.InsertManyAsync(assignments, ct);
        var counts = new Dictionary<string, int>
        {
            ["tickets"] = batch.Tickets.Count, ["events"] = events.Count, ["assignments"] = assignments.Count, ["dispatchRules"] = rules.Count, ["seed"] = Seed,
        };
        db.AuditSummary = new AuditSummary("Import", nameof(Ticket), "demo-tickets", OrgCode.Pad(area.District), JsonSerializer.Serialize(counts));
        db.DispatchRules.AddRange(rules);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public sealed record DemoArea(long District, long Street, long Grid);

    // The demo accounts' path: the city's first district, its first street, that street's first grid.
    public static async Task<DemoArea?> AreaAsync(GridDbContext db, CancellationToken ct)
    {
        var codes = new List<long>();
        var unit = await db.OrgUnits.Where(u => u.Level == OrgLevel.City).OrderBy(u => u.Code).Select(u => (long?)u.Code).FirstOrDefaultAsync(ct);
        while (unit is { } code)
        {
            codes.Add(code);
            unit = await db.OrgUnits.Where(u => u.ParentCode == code).OrderBy(u => u.Code).Select(u => (long?)u.Code).FirstOrDefaultAsync(ct);
        }
        return codes.Count == 5 ? new(codes[1], codes[2], codes[4]) : null;
    }

    static Task<List<Department>> DepartmentsAsync(GridDbContext db, long district, CancellationToken ct)
    {
        var (from, to) = OrgCode.Subtree(district);
        return db.Departments.AsNoTracking().Where(d => d.GridCode >= from && d.GridCode <= to).OrderBy(d => d.Id).ToListAsync(ct);
    }

    // What a district typically automates first: clear-cut categories to the one department that
    // always takes them, and night-time noise to the environment bureau's night shift.
    static List<DispatchRule> Rules(long district, List<Department> departments)
    {
        (string Name, string? Category, string? Keywords, TicketSource? Source, int? From, int? To, string Kind)[] specs =
        [
            ("机动车乱停放交区公安局", "E0505", null, null, null, null, "公安"),
            ("夜间噪声扰民交区生态环境局", null, "噪音,噪声,吵,声音很大,音乐声", null, 22, 6, "生态环境"),
            ("数字城管道路破损交区住建局", "E0110", null, TicketSource.DigitalCity, null, null, "住建"),
            ("树木倒伏交区绿化园林局", "E0602", null, null, null, null, "园林"),
            ("劳资纠纷交区人社局", "G0104", null, null, null, null, "人社"),
        ];
        var rules = new List<DispatchRule>();
        foreach (var s in specs)
            if (departments.FirstOrDefault(d => d.OrgUnitCode == district && d.Kind == s.Kind) is { } d)
                rules.Add(new DispatchRule
                {
                    Order = (rules.Count + 1) * 10, Name = s.Name, AreaCode = district, GridCode = OrgCode.Pad(district),
                    CategoryCode = s.Category, Keywords = s.Keywords, Source = s.Source, FromHour = s.From, ToHour = s.To, DepartmentId = d.Id,
                });
        return rules;
    }

    // What the generator draws from; also used by the tests to generate the same history again.
    public static async Task<DemoWorld> LoadWorldAsync(GridDbContext db, DemoArea area, IReadOnlyDictionary<string, DemoAccount> accounts, CancellationToken ct) =>
        await LoadWorldAsync(db, area, await DepartmentsAsync(db, area.District, ct),
            await db.DispatchRules.AsNoTracking().OrderBy(r => r.Order).ThenBy(r => r.Id).ToListAsync(ct), accounts, ct);

    static async Task<DemoWorld> LoadWorldAsync(GridDbContext db, DemoArea area, List<Department> departments, List<DispatchRule> rules,
        IReadOnlyDictionary<string, DemoAccount> accounts, CancellationToken ct)
    {
        var (from, to) = OrgCode.Subtree(area.District);
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.GridCode >= from && u.GridCode <= to)
            .OrderBy(u => u.Code).Select(u => new { u.Code, u.Name, u.Level, Boundary = u.Level == OrgLevel.Grid ? u.Boundary : null }).ToListAsync(ct);
        var grids = units.Where(u => u.Level == OrgLevel.Grid && u.Boundary is not null)
            .Select(u => new DemoGrid(u.Code, JsonSerializer.Deserialize<Geometry>(u.Boundary!, BoundaryFile.GeoJson)!))
            .Where(g => !g.Boundary.IsEmpty).ToList();
        return new DemoWorld
        {
            District = area.District, FocusStreet = area.Street, FocusGrid = area.Grid,
            Categories = await db.TicketCategories.AsNoTracking().Where(c => c.ParentCode != null && c.Enabled).OrderBy(c => c.Code).ToListAsync(ct),
            Phrases = DemoPhrases.Read(SeedTicketData.DataPath("tickets", "demo-phrases.csv")),
            Grids = grids, UnitNames = units.ToDictionary(u => u.Code, u => u.Name),
            Departments = departments, Rules = rules,
            Accounts = accounts,
        };
    }
}
