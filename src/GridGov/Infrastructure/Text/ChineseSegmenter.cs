using JiebaNet.Segmenter;

namespace GridGov.Infrastructure.Text;

// Owns jieba: where its dictionary is, its one-time load, and splitting compounds into parts.
static class ChineseSegmenter
{
    // jieba.NET reads its dictionary from files; GridGov.csproj copies them from the package here.
    public static readonly string DictionaryDirectory = Path.Combine(AppContext.BaseDirectory, "jieba");

    // Only what accurate-mode cutting reads: the POS, IDF and stop-word files stay unshipped.
    static readonly string[] DictionaryFiles = ["dict.txt", "prob_trans.json", "prob_emit.json"];

    // Longest compound worth splitting: longer runs are HMM-merged names, not dictionary words.
    const int MaxCompound = 8;

    sealed record Loaded(JiebaSegmenter Segmenter, WordDictionary Dictionary, double LogTotal);

    // jieba keeps its dictionary in process-wide statics that are safe to read concurrently but
    // not to write; every write (the user words) happens inside this factory, before publication.
    static readonly Lazy<Loaded> State = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void Warm() => _ = State.Value;

    // jieba's accurate cut, each compound followed by its best split into smaller dictionary
    // words (占道经营 → 占道, 经营), so that a report of 垃圾桶满溢 and one of 垃圾清运 share 垃圾.
    // jieba's own search mode does this with every dictionary bigram inside the word, which also
    // yields strays such as 道经 or 动车 (from 电动车) that would then be shown to users as matches.
    public static void Words(string text, List<string> into)
    {
        var state = State.Value;
        foreach (var word in state.Segmenter.Cut(text))
        {
            if (word.Length is >= 3 and <= MaxCompound) AddParts(state, word, into);
            into.Add(word);
        }
    }

    // jieba's accurate cut alone, for counting words (hot keywords): a compound's parts would
    // count a ticket of 占道经营 under 占道 and 经营 as well.
    public static void Cut(string text, List<string> into) => into.AddRange(State.Value.Segmenter.Cut(text));

    // Whether jieba's dictionary (with the user words) has the word; its HMM makes up the others.
    public static bool Knows(string word) => State.Value.Dictionary.ContainsWord(word);

    // Same scoring as jieba's own route (sum of log word probabilities), the whole word excluded.
    static void AddParts(Loaded state, string word, List<string> into)
    {
        var n = word.Length;
        Span<double> best = stackalloc double[n + 1];
        Span<int> next = stackalloc int[n + 1];
        best[n] = 0;
        for (var i = n - 1; i >= 0; i--)
        {
            best[i] = double.NegativeInfinity;
            for (var j = i + 1; j <= n; j++)
            {
                if (j - i == n) break;
                var piece = word[i..j];
                if (piece.Length > 1 && !state.Dictionary.ContainsWord(piece)) continue;
                var score = Math.Log(state.Dictionary.GetFreqOrDefault(piece)) - state.LogTotal + best[j];
                if (score > best[i]) (best[i], next[i]) = (score, j);
            }
        }
        for (var i = 0; i < n; i = next[i])
            if (next[i] - i > 1) into.Add(word[i..next[i]]);
    }

    static Loaded Load()
    {
        // A missing dict.txt is swallowed by jieba and leaves it cutting text into single
        // characters, which would quietly ruin every match; fail loudly instead.
        foreach (var file in DictionaryFiles)
        {
            var path = Path.Combine(DictionaryDirectory, file);
            if (!File.Exists(path))
                throw new FileNotFoundException(
                    $"jieba dictionary file missing: {path}. GridGov.csproj copies it from the jieba.NET package.",
                    path);
        }
        // Set before any jieba type is touched: WordDictionary captures the path in a static.
        ConfigManager.ConfigFileBaseDir = DictionaryDirectory;

        var segmenter = new JiebaSegmenter();
        foreach (var term in ChineseLexicon.GovernanceTerms) segmenter.AddWord(term);
        foreach (var junk in ChineseLexicon.NotWords) segmenter.DeleteWord(junk);
        var dictionary = WordDictionary.Instance;
        return new Loaded(segmenter, dictionary, Math.Log(dictionary.Total));
    }
}
