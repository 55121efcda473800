using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using GridGov.Infrastructure.Text;

namespace GridGov.Features.Analytics.Keywords;

// The two word lists of hot keywords, shipped inside GridGov.dll (keyword-terms.txt, keyword-stopwords.txt)
// so that they cannot go missing from an output folder. Version changes with either list (or with the
// way words are cut, AlgorithmVersion): the indexer then indexes every ticket again.
static class KeywordLexicon
{
    // Bump when KeywordExtractor cuts differently, so that stored terms are made again.
    const string AlgorithmVersion = "1";

    sealed record Lists(FrozenSet<string> Terms, FrozenSet<string> StopWords, string Version);

    static readonly Lazy<Lists> State = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    // Governance terms: kept whole, never a stop word or a place.
    public static FrozenSet<string> Terms => State.Value.Terms;

    public static FrozenSet<string> StopWords => State.Value.StopWords;

    public static string Version => State.Value.Version;

    static Lists Load()
    {
        var (termsText, terms) = Read("GridGov.keyword-terms.txt");
        var (stopText, stops) = Read("GridGov.keyword-stopwords.txt");
        var stopWords = stops.Concat(ChineseLexicon.StopWords).Where(w => !terms.Contains(w));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(AlgorithmVersion + "\n" + termsText + "\n" + stopText));
        return new Lists(terms.ToFrozenSet(StringComparer.Ordinal), stopWords.ToFrozenSet(StringComparer.Ordinal),
            Convert.ToHexString(hash)[..16]);
    }

    static (string Text, HashSet<string> Words) Read(string resource)
    {
        using var stream = typeof(KeywordLexicon).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{resource} is not embedded in GridGov.dll");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = reader.ReadToEnd();
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#')[0];
            foreach (var word in line.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries)) words.Add(word);
        }
        return (text, words);
    }
}
