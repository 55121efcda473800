using System.Text.Json.Serialization;
using GridGov.Features.Organization;
using GridGov.Features.Registry.Components;
using GridGov.Features.Tickets;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Places;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Panorama;

// States by name on the wire to the map script too (JS interop has its own JSON options).
public sealed record TicketPoint(long Id, double Lon, double Lat, [property: JsonConverter(typeof(JsonStringEnumConverter<TicketState>))] TicketState State, string StateName, bool Overdue);

public sealed record ComponentPoint(long Id, double Lon, double Lat, string Major, string Name);

public sealed record PanoramaPoints(List<TicketPoint> Tickets, int TicketsTotal, List<ComponentPoint> Components, int ComponentsTotal, int Limit);

// The map's point layers for a unit: its open tickets (newest first) and its components, each capped
// so that a district's map stays light; the totals say how many there are.
public sealed class GetPanoramaPoints(GridDbContext db, CurrentUser user, TimeProvider clock, ComponentClasses classes)
{
    public const int Limit = 2000;

    public async Task<Result<PanoramaPoints>> HandleAsync(long unit, bool components, CancellationToken ct = default)
    {
        if (!user.Scope.SeesAllOf(unit) || !await db.OrgUnits.AnyAsync(u => u.Code == unit, ct)) return Result<PanoramaPoints>.NotFound();
        var (from, to) = OrgCode.Subtree(unit);
        var now = clock.GetUtcNow().UtcDateTime;
        var open = db.Set<Ticket>().Where(t => Ticket.Open.Contains(t.State) && t.GridCode >= from && t.GridCode <= to && t.Lon != null && t.Lat != null);
        var tickets = await open.OrderByDescending(t => t.Id).Take(Limit)
            .Select(t => new { t.Id, t.Lon, t.Lat, t.State, t.DueAt }).ToListAsync(ct);
        var ticketTotal = tickets.Count < Limit ? tickets.Count : await open.CountAsync(ct);
        List<ComponentPoint> parts = [];
        var partTotal = 0;
        if (components)
        {
            var all = db.Set<Component>().Where(c => c.GridCode >= from && c.GridCode <= to && c.Lon != null && c.Lat != null && c.State != Registry.VerificationState.Removed);
            var rows = await all.OrderBy(c => c.Id).Take(Limit).Select(c => new { c.Id, c.Lon, c.Lat, c.ClassCode, c.Name }).ToListAsync(ct);
            partTotal = rows.Count < Limit ? rows.Count : await all.CountAsync(ct);
            parts = [.. rows.Select(c => new ComponentPoint(c.Id, c.Lon!.Value, c.Lat!.Value, Analytics.Rollups.TallyRules.ComponentMajorClass(c.ClassCode),
                c.Name ?? classes.NameOf(c.ClassCode) ?? "部件"))];
        }
        return Result<PanoramaPoints>.Ok(new(
            [.. tickets.Select(t => new TicketPoint(t.Id, t.Lon!.Value, t.Lat!.Value, t.State, TicketFlow.StateName(t.State), t.DueAt < now))],
            ticketTotal, parts, partTotal, Limit));
    }
}
