using GridGov.Infrastructure.Database;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GridGov.Features.Audit;
using GridGov.Features.Organization;
using GridGov.Features.Organization.Import;
using GridGov.Features.Tickets;
using GridGov.Features.Tickets.Categories;
using GridGov.Infrastructure.Spatial;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace GridGov.Bench;

// Reports as a hotline acceptor files them: a random grid of the city, a random point inside it (checked
// with GridLocator, so the app finds the grid), a minor category and one of its demo phrases, the
// caller's name and phone. Each body is sent by the acceptor account of the point's district; every
// request gets its own clientRequestId (the app's idempotency key), so every one makes a ticket.
sealed class IntakeWorkload
{
    public sealed record Report(long District, long Grid, double Lon, double Lat, int CategoryId, string CategoryCode, string Description, string Address, byte[] Json);

    public Report[] Reports { get; }
    public long[] Districts { get; }

    IntakeWorkload(Report[] reports)
    {
        Reports = reports;
        Districts = [.. reports.Select(r => r.District).Distinct().Order()];
    }

    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<IntakeWorkload> CreateAsync(BenchCity city, int count = 4096, int seed = 7)
    {
        await using var db = city.Database.CreateUnscoped(AuditActor.System);
        var rows = await db.OrgUnits.AsNoTracking().Where(u => u.Level == OrgLevel.Grid && u.Boundary != null)
            .Select(u => new { u.Code, u.Boundary, u.LabelLon, u.LabelLat, u.ParentCode }).ToListAsync();
        var communities = await db.OrgUnits.AsNoTracking().Where(u => u.Level == OrgLevel.Community).ToDictionaryAsync(u => u.Code, u => u.Name);
        var locator = new GridLocator(rows.Select(r => (r.Code, JsonSerializer.Deserialize<Geometry>(r.Boundary!, BoundaryFile.GeoJson)!)));
        var phrases = DemoPhrases.Read(SeedTicketData.DataPath("tickets", "demo-phrases.csv"));
        var categories = await db.TicketCategories.AsNoTracking().Where(c => c.ParentCode != null && c.Enabled).ToListAsync();
        categories = [.. categories.Where(c => phrases.Contains(c.Code)).OrderBy(c => c.Code)];
        var random = new Random(seed);
        var reports = new List<Report>(count);
        while (reports.Count < count)
        {
            var g = rows[random.Next(rows.Count)];
            var (lon, lat) = (g.LabelLon, g.LabelLat);
            for (var i = 0; i < 30 && locator.Locate(lon, lat) != g.Code; i++)
                (lon, lat) = (g.LabelLon + (random.NextDouble() - 0.5) * 0.002, g.LabelLat + (random.NextDouble() - 0.5) * 0.002);
            if (locator.Locate(lon, lat) != g.Code) continue;
            var c = categories[random.Next(categories.Count)];
            var list = phrases[c.Code].ToList();
            var place = (communities.GetValueOrDefault(g.ParentCode ?? 0) ?? "") + $"{random.Next(1, 40)}号";
            var description = DemoPhrases.Fill(list[random.Next(list.Count)], place);
            var body = new
            {
                categoryCode = c.Code, description, address = place, lon = Math.Round(lon, 6), lat = Math.Round(lat, 6),
                source = "Hotline", reporterName = "张先生", reporterPhone = $"138{random.Next(0, 100_000_000):D8}",
            };
            reports.Add(new Report(g.Code / 1_000_000_000, g.Code, lon, lat, c.Id, c.Code, description, place, JsonSerializer.SerializeToUtf8Bytes(body, Options)));
        }
        return new IntakeWorkload([.. reports]);
    }

    // The body of request `n`: the report's JSON with a clientRequestId of its own in front.
    public static byte[] Body(Report r, string requestId)
    {
        var prefix = Encoding.UTF8.GetBytes($"{{\"clientRequestId\":\"{requestId}\",");
        var body = new byte[prefix.Length + r.Json.Length - 1];
        prefix.CopyTo(body, 0);
        r.Json.AsSpan(1).CopyTo(body.AsSpan(prefix.Length));
        return body;
    }

    // The row intake would write for the report (state Reported), for the raw-insert limit.
    public static Ticket Row(Report r, DateTime now, string requestId) => new()
    {
        ClientRequestId = requestId, CategoryId = r.CategoryId, Description = r.Description, Address = r.Address, Lon = r.Lon, Lat = r.Lat,
        GridCode = r.Grid, CentreCode = OrgCode.Street(r.Grid), Source = TicketSource.Hotline, ReporterId = 1, ReporterName = "张先生",
        ReporterPhone = "13800000000", State = TicketState.Reported, ReportedAt = now, UpdatedAt = now, DueAt = now.AddHours(2),
        AcceptLimit = "2h", DispatchLimit = "2h", HandleLimit = "3d", VerifyLimit = "1d",
    };
}
