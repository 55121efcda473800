using GridGov.Features.Tickets;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Analytics.Keywords;

// Tickets per word in an area (TermId 0: all its tickets): the summed days from KeywordCount, the rest
// (today, days that got tickets after they were summed, and every day of a community, a grid or a
// caller who sees only part of the area) from TicketKeyword. `terms` narrows to those words.
public sealed class KeywordCounter(GridDbContext db)
{
    public async Task<KeywordIndexView> ViewAsync(CancellationToken ct) =>
        KeywordIndexView.Of(await db.Set<KeywordIndexState>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == KeywordIndexState.SingleId, ct));

    public async Task<int?> TermAsync(string? word, CancellationToken ct)
    {
        var text = word?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        return await db.Set<KeywordTerm>().Where(t => t.Text == text).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<Dictionary<int, string>> TextsAsync(IEnumerable<int> terms, CancellationToken ct)
    {
        var ids = terms.Distinct().ToList();
        return await db.Set<KeywordTerm>().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Text, ct);
    }

    public async Task<Dictionary<int, int>> DaysAsync(KeywordArea a, KeywordIndexView v, DateOnly from, DateOnly to,
        IReadOnlyCollection<int>? terms, CancellationToken ct)
    {
        var sums = new Dictionary<int, int>();
        if (a.Sums is not { } codes)
        {
            Add(sums, await ByTerm(Raw(a, from, to), terms, ct));
            return sums;
        }
        if (v.Rolled(from, to) is { } rolled)
        {
            var dirty = v.DirtyIn(rolled.From, rolled.To);
            var rows = Counts(codes, monthly: false, rolled.From, rolled.To);
            if (dirty.Count > 0) rows = rows.Where(c => !dirty.Contains(c.Date));
            if (terms is not null) rows = rows.Where(c => terms.Contains(c.TermId));
            Add(sums, await rows.GroupBy(c => c.TermId).Select(g => new { g.Key, Tickets = g.Sum(c => c.Tickets) }).ToDictionaryAsync(x => x.Key, x => x.Tickets, ct));
            if (dirty.Count > 0) Add(sums, await ByTerm(Raw(a, rolled.From, rolled.To).Where(k => dirty.Contains(k.Day)), terms, ct));
        }
        if (v.RawRange(from, to) is { } raw) Add(sums, await ByTerm(Raw(a, raw.From, raw.To), terms, ct));
        return sums;
    }

    // Over whole months (the reference): month rows, or TicketKeyword where there are none for the area.
    public async Task<Dictionary<int, int>> MonthsAsync(KeywordArea a, DateOnly first, DateOnly last, IReadOnlyCollection<int> terms, CancellationToken ct)
    {
        if (a.Sums is not { } codes) return await ByTerm(Raw(a, first, Days.MonthEnd(last)), terms, ct);
        return await Counts(codes, monthly: true, first, last).Where(c => terms.Contains(c.TermId))
            .GroupBy(c => c.TermId).Select(g => new { g.Key, Tickets = g.Sum(c => c.Tickets) }).ToDictionaryAsync(x => x.Key, x => x.Tickets, ct);
    }

    // One word's tickets per day.
    public async Task<Dictionary<DateOnly, int>> PerDayAsync(KeywordArea a, KeywordIndexView v, DateOnly from, DateOnly to, int term, CancellationToken ct)
    {
        var days = new Dictionary<DateOnly, int>();
        void Put(Dictionary<DateOnly, int> part) { foreach (var (d, n) in part) days[d] = days.GetValueOrDefault(d) + n; }
        IQueryable<TicketKeyword> RawOf(DateOnly f, DateOnly t) => Raw(a, f, t).Where(k => k.TermId == term);
        async Task<Dictionary<DateOnly, int>> ByDay(IQueryable<TicketKeyword> q) =>
            await q.GroupBy(k => k.Day).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        if (a.Sums is not { } codes)
        {
            Put(await ByDay(RawOf(from, to)));
            return days;
        }
        if (v.Rolled(from, to) is { } rolled)
        {
            var dirty = v.DirtyIn(rolled.From, rolled.To);
            Put(await Counts(codes, monthly: false, rolled.From, rolled.To).Where(c => c.TermId == term && !dirty.Contains(c.Date))
                .GroupBy(c => c.Date).Select(g => new { g.Key, N = g.Sum(c => c.Tickets) }).ToDictionaryAsync(x => x.Key, x => x.N, ct));
            if (dirty.Count > 0) Put(await ByDay(RawOf(rolled.From, rolled.To).Where(k => dirty.Contains(k.Day))));
        }
        if (v.RawRange(from, to) is { } raw) Put(await ByDay(RawOf(raw.From, raw.To)));
        return days;
    }

    IQueryable<KeywordCount> Counts(long[] codes, bool monthly, DateOnly from, DateOnly to) =>
        db.Set<KeywordCount>().AsNoTracking().Where(c => codes.Contains(c.UnitCode) && c.Monthly == monthly && c.Date >= from && c.Date <= to);

    // The area's keyword rows of those days; for a caller who sees only some of its tickets, those.
    internal IQueryable<TicketKeyword> Raw(KeywordArea a, DateOnly from, DateOnly to)
    {
        var rows = db.Set<TicketKeyword>().AsNoTracking().Where(k => k.Day >= from && k.Day <= to);
        rows = a.Places is { } places ? rows.Where(k => places.Contains(k.GridCode)) : rows.Where(k => k.GridCode >= a.From && k.GridCode <= a.To);
        return a.Restricted ? rows.Where(k => db.Set<Ticket>().Any(t => t.Id == k.TicketId)) : rows;
    }

    static async Task<Dictionary<int, int>> ByTerm(IQueryable<TicketKeyword> rows, IReadOnlyCollection<int>? terms, CancellationToken ct)
    {
        if (terms is not null) rows = rows.Where(k => terms.Contains(k.TermId));
        return await rows.GroupBy(k => k.TermId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
    }

    static void Add(Dictionary<int, int> into, Dictionary<int, int> part)
    {
        foreach (var (term, n) in part) into[term] = into.GetValueOrDefault(term) + n;
    }
}
