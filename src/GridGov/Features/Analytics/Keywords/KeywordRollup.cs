using GridGov.Features.Organization;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Analytics.Keywords;

// Sums TicketKeyword up into KeywordCount: a day into one row per street and word and one per city and
// word; a finished month into month rows from its day rows. Each sum is read first and written in a
// short transaction (delete the old rows, insert the new), so intake never waits long for SQLite's one
// writer lock. Every write claims the state's revision (KeywordIndexWrites).
public sealed class KeywordRollup(GridDatabase database, KeywordIndexWrites writes)
{
    const long StreetScale = 1_000_000, CityOfStreet = 100_000;

    // The dirty days before `until`, then every day with tickets from RolledUpTo up to `until`.
    internal async Task<int> RollDaysAsync(KeywordIndexState s, DateOnly until, CancellationToken ct)
    {
        var rolled = 0;
        foreach (var day in Days.Parse(s.DirtyDays).Where(d => d < until).Order())
        {
            if (!await RollDayAsync(s, day, ct)) return rolled;
            rolled++;
        }
        while (s.RolledUpTo < until)
        {
            await using var db = database.CreateUnscoped(AuditActor.System);
            var from = s.RolledUpTo;
            var next = await db.Set<TicketKeyword>().IgnoreQueryFilters().Where(k => k.Day >= from && k.Day < until).MinAsync(k => (DateOnly?)k.Day, ct);
            if (next is not { } day)
            {
                if (!await writes.SaveAsync(db, s, x => x.RolledUpTo = until, ct)) return rolled;
                break;
            }
            if (!await RollDayAsync(s, day, ct)) return rolled;
            rolled++;
        }
        return rolled;
    }

    async Task<bool> RollDayAsync(KeywordIndexState s, DateOnly day, CancellationToken ct)
    {
        await using var db = database.CreateUnscoped(AuditActor.System);
        var streets = await db.Set<TicketKeyword>().IgnoreQueryFilters().Where(k => k.Day == day)
            .GroupBy(k => new { Street = k.GridCode / StreetScale, k.TermId })
            .Select(g => new { g.Key.Street, g.Key.TermId, Tickets = g.Count() }).ToListAsync(ct);
        // A city's count is the sum of its streets': every ticket lies in one street (or on the city itself).
        var cities = streets.GroupBy(r => (City: r.Street / CityOfStreet, r.TermId))
            .Select(g => new KeywordCount { UnitCode = g.Key.City, Date = day, TermId = g.Key.TermId, Tickets = g.Sum(r => r.Tickets) });
        var rows = streets.Where(r => r.Street % CityOfStreet != 0)
            .Select(r => new KeywordCount { UnitCode = r.Street, Date = day, TermId = r.TermId, Tickets = r.Tickets })
            .Concat(cities).ToList();
        var codes = rows.Select(r => r.UnitCode).Distinct().ToList();
        return await writes.WriteAsync(db, s, x =>
        {
            x.DirtyDays = Days.Format(Days.Parse(x.DirtyDays).Where(d => d != day));
            if (x.RolledUpTo <= day) x.RolledUpTo = day.AddDays(1);
            x.DirtyMonths = Days.Format(Days.Parse(x.DirtyMonths).Append(Days.MonthOf(day)));
        }, async () =>
        {
            await db.Set<KeywordCount>().Where(c => !c.Monthly && c.Date == day && codes.Contains(c.UnitCode)).ExecuteDeleteAsync(ct);
            await using var writer = new BulkWriter<KeywordCount>(db);
            await writer.InsertManyAsync(rows, ct);
        }, ct);
    }

    // Month rows of every finished month whose days were summed (again) since its last month rows.
    internal async Task<int> RollMonthsAsync(KeywordIndexState s, CancellationToken ct)
    {
        var rolled = 0;
        foreach (var month in Days.Parse(s.DirtyMonths).Where(m => Days.MonthEnd(m) < s.RolledUpTo).Order())
        {
            if (!await RollMonthAsync(s, month, ct)) break;
            rolled++;
        }
        return rolled;
    }

    async Task<bool> RollMonthAsync(KeywordIndexState s, DateOnly month, CancellationToken ct)
    {
        await using var db = database.CreateUnscoped(AuditActor.System);
        var end = Days.MonthEnd(month);
        var counts = db.Set<KeywordCount>();
        // Unit by unit, each sum one range of the (UnitCode, Monthly, Date …) index. The units are the
        // cities, the streets, and the districts (D·1000: the street rows of tickets placed on a district).
        var units = (await db.OrgUnits.IgnoreQueryFilters().Where(u => u.Level == OrgLevel.City || u.Level == OrgLevel.District || u.Level == OrgLevel.Street)
            .Select(u => new { u.Code, u.Level }).ToListAsync(ct)).Select(u => u.Level == OrgLevel.District ? u.Code * 1000 : u.Code);
        var rows = new List<KeywordCount>();
        foreach (var code in units)
        {
            var sums = await counts.Where(c => c.UnitCode == code && !c.Monthly && c.Date >= month && c.Date <= end)
                .GroupBy(c => c.TermId).Select(g => new { TermId = g.Key, Tickets = g.Sum(c => c.Tickets) }).ToListAsync(ct);
            rows.AddRange(sums.Select(x => new KeywordCount { UnitCode = code, Monthly = true, Date = month, TermId = x.TermId, Tickets = x.Tickets }));
        }
        var codes = rows.Select(r => r.UnitCode).Distinct().ToList();
        return await writes.WriteAsync(db, s, x => x.DirtyMonths = Days.Format(Days.Parse(x.DirtyMonths).Where(m => m != month)), async () =>
        {
            await counts.Where(c => c.Monthly && c.Date == month && codes.Contains(c.UnitCode)).ExecuteDeleteAsync(ct);
            await using var writer = new BulkWriter<KeywordCount>(db);
            await writer.InsertManyAsync(rows, ct);
        }, ct);
    }
}
