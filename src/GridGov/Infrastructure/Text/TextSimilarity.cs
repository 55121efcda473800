namespace GridGov.Infrastructure.Text;

// Compares two token lists as sets. Dice (2·|A∩B| / (|A|+|B|)) rather than cosine on counts:
// ticket texts are short and their tokens already deduplicated, so counts carry nothing, and the
// score is then exactly explained by the shared words shown to the user. Dice rather than Jaccard
// because it rewards a short report that is wholly contained in a longer one a little more.
public static class TextSimilarity
{
    public static double Score(IReadOnlyCollection<string> a, IReadOnlyCollection<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0) return 0;

        var setA = AsSet(a);
        var setB = AsSet(b);
        var shared = 0;
        foreach (var word in setB)
            if (setA.Contains(word)) shared++;
        return 2.0 * shared / (setA.Count + setB.Count);
    }

    // In a's order, so the explanation reads like the ticket being reported.
    public static IReadOnlyList<string> Shared(IReadOnlyCollection<string> a, IReadOnlyCollection<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0) return [];

        var setB = AsSet(b);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var shared = new List<string>();
        foreach (var word in a)
            if (setB.Contains(word) && seen.Add(word)) shared.Add(word);
        return shared;
    }

    static IReadOnlySet<string> AsSet(IReadOnlyCollection<string> words) =>
        words as IReadOnlySet<string> ?? new HashSet<string>(words, StringComparer.Ordinal);
}
