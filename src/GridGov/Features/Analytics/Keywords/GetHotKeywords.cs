using GridGov.Infrastructure;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Analytics.Keywords;

// 热点分析: the most telling words of a unit's tickets over a period, weighed by TF-IDF (docs/hot-keywords.md):
//   weight(w) = df(w) × ln(N_ref / df_ref(w))
// df(w): the period's tickets containing w; the reference is the period together with the 12 whole months
// before the month it starts in (N_ref tickets, df_ref(w) of them with w). A word in every ticket weighs 0.
// Only the words the period counts most are looked up in the reference, as many as it takes to prove
// that no word further down can weigh more (df·ln(N/df) grows with df below N/e). Likewise the largest
// rises over the previous period: a word's rise is at most its count.
public sealed class GetHotKeywords(KeywordAreas areas, KeywordCounter counter, TimeProvider clock)
{
    public const int DefaultTop = 20, MaxTop = 100, MaxExport = 500, RiseCount = 10;

    public Task<Result<HotKeywords>> HandleAsync(KeywordQuery q, CancellationToken ct = default) => RankAsync(q, MaxTop, ct);

    public async Task<Result<HotKeywords>> RankAsync(KeywordQuery q, int maxTop, CancellationToken ct = default)
    {
        var top = Math.Clamp(q.Top ?? DefaultTop, 1, maxTop);
        var period = KeywordPeriod.Parse(q.From, q.To, ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime));
        if (!period.Succeeded) return period.As<HotKeywords>();
        var (p, prev) = (period.Value!, period.Value!.Previous);
        if (await areas.FindAsync(q.Unit, ct) is not { } area) return Result<HotKeywords>.NotFound();
        var view = await counter.ViewAsync(ct);

        var counts = await counter.DaysAsync(area, view, p.From, p.To, null, ct);
        var tickets = counts.GetValueOrDefault(KeywordTerm.AllTickets);
        var ranked = counts.Where(c => c.Key != KeywordTerm.AllTickets).OrderByDescending(c => c.Value).ThenBy(c => c.Key).ToList();
        var (first, last) = p.ReferenceMonths;
        var reference = await counter.MonthsAsync(area, first, last, [KeywordTerm.AllTickets], ct);
        var n = reference.GetValueOrDefault(KeywordTerm.AllTickets) + tickets;

        // Weights, chunk by chunk down the counts (each twice the last), until the next count cannot reach the list.
        var weighed = new List<(int Term, double Weight)>();
        async Task WeighAsync(List<KeyValuePair<int, int>> words)
        {
            var refs = await counter.MonthsAsync(area, first, last, [.. words.Select(c => c.Key)], ct);
            weighed.AddRange(words.Select(c => (c.Key, c.Value * Math.Log((double)n / (refs.GetValueOrDefault(c.Key) + c.Value)))));
        }
        for (int i = 0, size = Math.Max(64, top * 4); i < ranked.Count; i += size, size *= 2)
        {
            await WeighAsync(ranked.GetRange(i, Math.Min(size, ranked.Count - i)));
            weighed = [.. weighed.OrderByDescending(w => w.Weight).ThenByDescending(w => counts[w.Term]).ThenBy(w => w.Term)];
            if (i + size < ranked.Count && weighed.Count >= top && Bound(ranked[i + size].Value, n) <= weighed[top - 1].Weight) break;
        }
        var best = weighed.Take(top).ToList();

        // Previous counts for the list, and for the largest rises down the counts.
        var before = await counter.DaysAsync(area, view, prev.From, prev.To, [KeywordTerm.AllTickets, .. best.Select(b => b.Term)], ct);
        var rises = new List<(int Term, int Rise)>();
        for (var i = 0; i < ranked.Count;)
        {
            if (rises.Count >= RiseCount && ranked[i].Value <= rises[RiseCount - 1].Rise) break;
            var chunk = ranked.Skip(i).Take(256).Select(c => c.Key).Where(t => !before.ContainsKey(t)).ToList();
            if (chunk.Count > 0)
                foreach (var t in chunk) before[t] = 0;
            if (chunk.Count > 0)
                foreach (var (t, c) in await counter.DaysAsync(area, view, prev.From, prev.To, chunk, ct)) before[t] = c;
            foreach (var (t, c) in ranked.Skip(i).Take(256)) if (c > before.GetValueOrDefault(t)) rises.Add((t, c - before.GetValueOrDefault(t)));
            rises = [.. rises.OrderByDescending(r => r.Rise).ThenByDescending(r => counts[r.Term]).ThenBy(r => r.Term).Take(RiseCount)];
            i += 256;
        }

        var unweighed = rises.Where(r => !weighed.Any(w => w.Term == r.Term)).Select(r => KeyValuePair.Create(r.Term, counts[r.Term])).ToList();
        if (unweighed.Count > 0) await WeighAsync(unweighed);
        var texts = await counter.TextsAsync(best.Select(b => b.Term).Concat(rises.Select(r => r.Term)), ct);
        var weights = weighed.ToDictionary(w => w.Term, w => w.Weight);
        HotKeyword Row(int term) => Keyword(texts.GetValueOrDefault(term) ?? "", weights.GetValueOrDefault(term), counts[term], before.GetValueOrDefault(term));
        return Result<HotKeywords>.Ok(new(area.Unit, area.Name, p.From, p.To, prev.From, prev.To, tickets,
            before.GetValueOrDefault(KeywordTerm.AllTickets), n, [.. best.Select(b => Row(b.Term))], [.. rises.Select(r => Row(r.Term))]));
    }

    // The most a word counted `count` times or less can weigh: x·ln(n/x) rises up to x = n/e.
    static double Bound(int count, int n)
    {
        var x = Math.Min(count, n / Math.E);
        return x <= 0 ? 0 : x * Math.Log(n / x);
    }

    public static HotKeyword Keyword(string word, double weight, int count, int previous)
    {
        double? change = previous == 0 ? null : (double)(count - previous) / previous;
        var text = change switch
        {
            null => count > 0 ? "新出现" : "—",
            0 => "持平",
            var c => (c > 0 ? "+" : "") + c.Value.ToString("P1", System.Globalization.CultureInfo.InvariantCulture).Replace(" ", ""),
        };
        return new(word, Math.Round(weight, 3), count, previous, change is { } v ? Math.Round(v, 4) : null, text);
    }
}
