using System.Text;

namespace GridGov.Features.Tickets.Duplicates;

public enum TermKind { Thing, Fault, Where, Premises }

// What a report is about: the concepts of problem-terms.txt its text names (井盖 and 破损 for
// 下水道盖子裂了), so that two reports in other words meet, and two reports that share words but name
// different objects or faults (井盖旁边的垃圾 vs 井盖破损; 路灯不亮 vs 路灯杆撞歪) part.
// Loaded once; matching is plain substring search over a few hundred short words, so it costs
// microseconds and is safe from any number of threads.
public static class ProblemTerms
{
    public sealed record Concept(int Id, TermKind Kind, string Name, int Broader, int Family);

    // "X旁边的Y" names Y; X only says where.
    static readonly string[] Landmark = ["旁边", "边上", "附近", "周边", "周围", "对面", "旁"];

    sealed record Terms(Concept[] Concepts, (string Word, int[] Concepts)[] Words);

    static readonly Lazy<Terms> State = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static IReadOnlyList<Concept> Concepts => State.Value.Concepts;

    // The concept ids a text names, ascending.
    public static int[] Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        if (!text.IsNormalized(NormalizationForm.FormKC)) text = text.Normalize(NormalizationForm.FormKC);
        var terms = State.Value;
        var taken = new bool[text.Length];
        var found = new SortedSet<int>();
        // Longest words first, so 路灯井盖 is a manhole cover and not a street lamp.
        foreach (var (word, concepts) in terms.Words)
        {
            for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                var end = at + word.Length;
                if (Array.IndexOf(taken, true, at, word.Length) >= 0) continue;
                for (var i = at; i < end; i++) taken[i] = true;
                if (terms.Concepts[concepts[0]].Kind == TermKind.Thing && IsLandmark(text, end)) continue;
                foreach (var c in concepts) found.Add(c);
            }
        }
        return [.. found];
    }

    static bool IsLandmark(string text, int end)
    {
        // Skip a linking 的 or 那个: 井盖的旁边.
        if (end < text.Length && text[end] == '的') end++;
        var rest = text.AsSpan(end);
        foreach (var l in Landmark)
            if (rest.StartsWith(l, StringComparison.Ordinal)) return true;
        return false;
    }

    public static Concept Get(int id) => State.Value.Concepts[id];

    // Two concepts that can name the same problem: equal, one the broader of the other (灯 / 路灯),
    // or faults of one family (违停 / 堆放).
    public static bool Compatible(int a, int b)
    {
        if (a == b) return true;
        var (x, y) = (Get(a), Get(b));
        return x.Broader == b || y.Broader == a || (x.Family >= 0 && x.Family == y.Family);
    }

    // Whether two sets of concepts say different things of the same kind: both name things (or
    // faults, settings, premises) and none of one side's can be any of the other's.
    public static bool Contradict(int[] a, int[] b)
    {
        foreach (var kind in Kinds)
        {
            var anyA = false; var anyB = false; var meet = false;
            foreach (var x in a)
            {
                if (Get(x).Kind != kind) continue;
                anyA = true;
                foreach (var y in b)
                    if (Get(y).Kind == kind) { anyB = true; if (Compatible(x, y)) { meet = true; break; } }
                if (meet) break;
            }
            if (!anyB) foreach (var y in b) if (Get(y).Kind == kind) { anyB = true; break; }
            if (anyA && anyB && !meet) return true;
        }
        return false;
    }

    static readonly TermKind[] Kinds = Enum.GetValues<TermKind>();

    // Dice over concepts, a concept counting as shared when the other side names a compatible one.
    public static double Similarity(int[] a, int[] b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        var met = 0;
        foreach (var x in a) if (b.Any(y => Compatible(x, y))) met++;
        foreach (var y in b) if (a.Any(x => Compatible(x, y))) met++;
        return (double)met / (a.Length + b.Length);
    }

    // The names of a's concepts that b also names (or a broader or narrower one), for the reason.
    public static List<string> Shared(int[] a, int[] b) =>
        [.. a.Where(x => b.Any(y => Compatible(x, y))).Select(x => Get(x).Name).Distinct()];

    // The things a class name names (污水井盖 → 井盖), kept: there are only a few hundred classes.
    public static int[] ThingsOfClass(string name) => ClassThings.GetOrAdd(name, n => Things(Of(n)));
    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int[]> ClassThings = new(StringComparer.Ordinal);

    public static bool HasThing(int[] concepts) => concepts.Any(c => Get(c).Kind == TermKind.Thing);

    public static int[] Things(int[] concepts) => [.. concepts.Where(c => Get(c).Kind == TermKind.Thing)];

    static Terms Load()
    {
        using var stream = typeof(ProblemTerms).Assembly.GetManifestResourceStream("GridGov.problem-terms.txt")
            ?? throw new InvalidOperationException("problem-terms.txt is not embedded in GridGov.dll");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = new List<(TermKind Kind, string Name, string? Broader, string? Family, string[] Words, int Line)>();
        var n = 0;
        while (reader.ReadLine() is { } raw)
        {
            n++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var colon = line.IndexOf(':');
            if (colon < 0) throw Bad(n, "no ':'");
            var head = line[..colon].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (head.Length < 2 || !Enum.TryParse<TermKind>(head[0], true, out var kind)) throw Bad(n, "expected 'kind name'");
            string? broader = null, family = null;
            for (var i = 2; i + 1 < head.Length; i += 2)
                if (head[i] == "<") broader = head[i + 1];
                else if (head[i] == "~") family = head[i + 1];
                else throw Bad(n, $"unknown '{head[i]}'");
            var synonyms = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (synonyms.Length == 0) throw Bad(n, "no words");
            lines.Add((kind, head[1], broader, family, synonyms, n));
        }
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var l in lines)
            if (!ids.TryAdd(l.Name, ids.Count)) throw Bad(l.Line, $"'{l.Name}' defined twice");
        var families = new Dictionary<string, int>(StringComparer.Ordinal);
        var concepts = lines.Select(l => new Concept(ids[l.Name], l.Kind, l.Name,
            l.Broader is null ? -1 : ids.TryGetValue(l.Broader, out var b) ? b : throw Bad(l.Line, $"unknown broader '{l.Broader}'"),
            l.Family is null ? -1 : families.TryGetValue(l.Family, out var f) ? f : families[l.Family] = families.Count)).ToArray();
        var words = lines.SelectMany(l => l.Words.Select(w => (Word: w, Concept: ids[l.Name])))
            .GroupBy(x => x.Word, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Select(x => x.Concept).Distinct().ToArray()))
            .OrderByDescending(x => x.Key.Length).ThenBy(x => x.Key, StringComparer.Ordinal).ToArray();
        return new Terms(concepts, words);
    }

    static InvalidDataException Bad(int line, string what) => new($"problem-terms.txt line {line}: {what}");
}
