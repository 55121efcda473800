using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Analytics.Keywords;

// Term ids by text for the indexer, the one writer of KeywordTerms: loaded once, extended as new words
// come, forgotten when a write fails (the ids it handed out may then belong to nobody, or to another node).
sealed class KeywordTermCache
{
    Dictionary<string, int>? ids;
    int next;

    public bool Loaded => ids is not null;

    public async Task LoadAsync(GridDbContext db, CancellationToken ct)
    {
        ids = await db.Set<KeywordTerm>().AsNoTracking().ToDictionaryAsync(t => t.Text, t => t.Id, StringComparer.Ordinal, ct);
        next = ids.Count == 0 ? KeywordTerm.AllTickets + 1 : ids.Values.Max() + 1;
    }

    // The id of a word; a word seen for the first time gets the next id and joins `fresh`, to be written.
    public int IdOf(string text, List<KeywordTerm> fresh)
    {
        var known = ids ?? throw new InvalidOperationException("Load the terms first");
        if (known.TryGetValue(text, out var id)) return id;
        known[text] = id = next++;
        fresh.Add(new KeywordTerm { Id = id, Text = text });
        return id;
    }

    public void Forget() => ids = null;
}
