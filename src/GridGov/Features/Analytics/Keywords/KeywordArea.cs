using GridGov.Features.Organization;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Analytics.Keywords;

// The unit a keyword question is about and how to count in it. Sums: the KeywordCount units that add up
// to it, when the caller sees the whole unit and it is a city, district or street; otherwise null and
// the words are counted from TicketKeyword, by the codes of its grids and units (Places: equality on the
// index, where the code range would meet the data scope's range on the same column; null for a big
// area, then the range). Restricted: the caller sees only some of its tickets (a department, "self
// only", a unit without those below it), so each one is checked against the tickets' own data scope.
public sealed record KeywordArea(long Unit, string Name, OrgLevel Level, long From, long To, long[]? Sums, long[]? Places, bool Restricted);

public sealed class KeywordAreas(GridDbContext db, CurrentUser user, Places places)
{
    // Null when the unit does not exist or lies outside the caller's scope (404).
    public async Task<KeywordArea?> FindAsync(long? unit, CancellationToken ct)
    {
        var code = unit ?? (user.UnitCode > 0 ? user.UnitCode : await TopAsync(ct));
        if (OrgCode.LevelOf(code) is not { } level || !await db.OrgUnits.AnyAsync(u => u.Code == code, ct)) return null;
        var name = await places.NameAsync(code, ct) ?? code.ToString();
        var (from, to) = OrgCode.Subtree(code);
        var whole = user.Scope.SeesAllOf(code);
        long[]? sums = !whole || level > OrgLevel.Street ? null
            : level == OrgLevel.District
                // Its streets, and the street rows of the tickets placed on the district itself.
                ? [.. await db.OrgUnits.Where(u => u.ParentCode == code).Select(u => u.Code).ToListAsync(ct), code * 1000]
                : [code];
        long[]? cells = null;
        if (sums is null)
        {
            var codes = await db.OrgUnits.Where(u => u.GridCode >= from && u.GridCode <= to).Select(u => u.GridCode).Take(MaxPlaces + 1).ToListAsync(ct);
            if (codes.Count <= MaxPlaces) cells = [.. codes];
        }
        return new(code, name, level, from, to, sums, cells, !whole);
    }

    // More codes than this (a district or a city seen in part) are read as a range.
    const int MaxPlaces = 2000;

    // For an account without a unit of its own: the first unit at the top of what it sees.
    async Task<long> TopAsync(CancellationToken ct) =>
        await db.OrgUnits.Where(u => u.ParentCode == null || !db.Set<OrgUnit>().Any(p => p.Code == u.ParentCode))
            .OrderBy(u => u.Code).Select(u => u.Code).FirstOrDefaultAsync(ct);
}
