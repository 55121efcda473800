using GridGov.Features.Organization;
using GridGov.Features.Registry;
using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.Houses;
using GridGov.Features.Registry.People;
using GridGov.Features.Registry.Units;
using GridGov.Features.Tickets;
using GridGov.Features.Tickets.Categories;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Addresses;

public sealed record DoorPerson(long Id, string Name, string IdMasked, string? PhoneMasked, string Role, string? Relation, VerificationState State, string StateName, int Version);
public sealed record DoorUnit(long Id, string Name, VerificationState State, string StateName, int Version);
public sealed record DoorTicket(long Id, string Number, string Category, string Description, string StateName, DateTime ReportedAt);
public sealed record DoorPlace(long Id, string Name, string Code, string KindName);
public sealed record Doorstep(long Id, string Code, string KindName, string FullName, long GridCode, string? GridName, double? Lon, double? Lat,
    VerificationState State, string StateName, int Version, long? HouseId, string? HouseUse, VerificationState? HouseState, int HouseVersion,
    List<DoorPerson> People, List<DoorUnit> Units, List<DoorTicket> Tickets, List<DoorPlace> Children, DoorPlace? Parent);

// A door plate scanned (its QR code is /m/a/{code}): the address as a grid worker needs it at the
// door — who lives there (numbers masked) and what waits to be verified, the house, the organisations
// registered here, the open tickets within a few metres, and the way up or down the address tree.
// Outside the caller's area it does not exist (the filter), like any record.
public sealed class GetDoorstep(GridDbContext db, Places places, CategoryCatalog categories, Registry.Codes.CodeBook codes)
{
    const double NearMeters = 30;

    public async Task<Doorstep?> HandleAsync(string code, CancellationToken ct = default)
    {
        var a = await db.Set<Address>().AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct);
        if (a is null) return null;
        var house = await db.Set<House>().AsNoTracking().FirstOrDefaultAsync(h => h.AddressId == a.Id, ct);
        var people = house is null ? [] : await (
            from o in db.Set<HouseOccupant>()
            join p in db.Set<Person>() on o.PersonId equals p.Id
            where o.HouseId == house.Id && o.State != VerificationState.Removed && p.State != VerificationState.Removed
            orderby o.Role == OccupantRole.Owner ? 0 : 1, p.Id
            select new { p.Id, p.Name, p.IdMasked, p.PhoneMasked, o.Role, o.RelationToHead, p.State, p.Version }).ToListAsync(ct);
        var units = await db.Set<Unit>().AsNoTracking().Where(u => u.AddressId == a.Id && u.State != VerificationState.Removed)
            .Select(u => new DoorUnit(u.Id, u.Name, u.State, "", u.Version)).ToListAsync(ct);
        var children = await db.Set<Address>().AsNoTracking().Where(c => c.ParentId == a.Id).OrderBy(c => c.Code).Take(300)
            .Select(c => new { c.Id, c.Name, c.Code, c.Kind }).ToListAsync(ct);
        var parent = a.ParentId is { } pid ? await db.Set<Address>().AsNoTracking().Where(p => p.Id == pid)
            .Select(p => new { p.Id, p.Name, p.Code, p.Kind }).FirstOrDefaultAsync(ct) : null;
        return new(a.Id, a.Code, AddressCodes.KindName(a.Kind), a.FullName, a.GridCode, await places.NameAsync(a.GridCode, ct), a.Lon, a.Lat,
            a.State, RegistryNames.State(a.State), a.Version, house?.Id, house is null ? null : HouseNames.Use(house.Use), house?.State, house?.Version ?? 0,
            [.. people.Select(p => new DoorPerson(p.Id, p.Name, p.IdMasked, p.PhoneMasked, HouseNames.Role(p.Role), codes[Registry.Codes.CodeBook.Relation].NameOf(p.RelationToHead) ?? p.RelationToHead, p.State, RegistryNames.State(p.State), p.Version))],
            [.. units.Select(u => u with { StateName = RegistryNames.State(u.State) })],
            await TicketsNearAsync(a, ct),
            [.. children.Select(c => new DoorPlace(c.Id, c.Name, c.Code, AddressCodes.KindName(c.Kind)))],
            parent is null ? null : new DoorPlace(parent.Id, parent.Name, parent.Code, AddressCodes.KindName(parent.Kind)));
    }

    // Open tickets at this address: within a few metres of its point, or naming it.
    async Task<List<DoorTicket>> TicketsNearAsync(Address a, CancellationToken ct)
    {
        var open = Ticket.Open;
        var q = db.Tickets.AsNoTracking().Where(t => open.Contains(t.State) && t.GridCode == a.GridCode);
        var name = a.FullName;
        if (a.Lon is { } lon && a.Lat is { } lat)
        {
            var dLat = NearMeters / 111_320.0;
            var dLon = dLat / Math.Max(Math.Cos(lat * Math.PI / 180), 0.01);
            var (south, north, west, east) = (lat - dLat, lat + dLat, lon - dLon, lon + dLon);
            q = q.Where(t => (t.Lat >= south && t.Lat <= north && t.Lon >= west && t.Lon <= east) || t.Address == name);
        }
        else q = q.Where(t => t.Address == name);
        var rows = await q.OrderByDescending(t => t.Id).Take(20).Select(t => new { t.Id, t.CategoryId, t.Description, t.State, t.ReportedAt }).ToListAsync(ct);
        return [.. rows.Select(t => new DoorTicket(t.Id, Ticket.NumberOf(t.Id, t.ReportedAt), categories.NameOf(t.CategoryId), t.Description,
            TicketFlow.StateName(t.State), t.ReportedAt))];
    }
}
