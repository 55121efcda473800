using System.Collections.Frozen;
using System.Text;
using GridGov.Infrastructure.Text;

namespace GridGov.Features.Analytics.Keywords;

// The keywords of one ticket's text: the distinct words that say what it is about. The text is first
// searched for governance terms and place names (longest first, left to right): a term is a keyword
// as it stands, a place is dropped whole. What lies between is cut by jieba (accurate mode, no
// compound parts); a road jieba did not know is dropped with its name (PlaceNames); then single
// characters, numbers and measures, Latin, and stop words go. Immutable and safe on any thread.
public sealed class KeywordExtractor
{
    // Longer "words" are jieba gluing unknown characters together, not vocabulary.
    public const int MaxWordLength = 12;

    enum Kind { Term, Place }

    readonly FrozenDictionary<string, Kind> known;
    readonly FrozenDictionary<string, Kind>.AlternateLookup<ReadOnlySpan<char>> lookup;
    readonly int longest;

    public KeywordExtractor(PlaceNames places)
    {
        var map = new Dictionary<string, Kind>(StringComparer.Ordinal);
        foreach (var term in KeywordLexicon.Terms.Where(t => t.Length >= 3)) map[term] = Kind.Term;
        foreach (var name in places.Names) map.TryAdd(name, Kind.Place);
        known = map.ToFrozenDictionary(StringComparer.Ordinal);
        lookup = known.GetAlternateLookup<ReadOnlySpan<char>>();
        longest = map.Count == 0 ? 0 : map.Keys.Max(k => k.Length);
    }

    public List<string> Keywords(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return words;
        if (!text.IsNormalized(NormalizationForm.FormKC)) text = text.Normalize(NormalizationForm.FormKC);
        var plain = new StringBuilder();
        for (var i = 0; i < text.Length;)
        {
            if (Match(text, i) is { } hit)
            {
                Cut(plain, words);
                if (hit.Kind == Kind.Term) Add(words, text.Substring(i, hit.Length));
                i += hit.Length;
            }
            else plain.Append(text[i++]);
        }
        Cut(plain, words);
        return words;
    }

    (Kind Kind, int Length)? Match(string text, int at)
    {
        for (var length = Math.Min(longest, text.Length - at); length >= 2; length--)
            if (lookup.TryGetValue(text.AsSpan(at, length), out var kind)) return (kind, length);
        return null;
    }

    void Cut(StringBuilder plain, List<string> words)
    {
        if (plain.Length == 0) return;
        var cut = new List<string>();
        ChineseSegmenter.Cut(plain.ToString(), cut);
        plain.Clear();
        var dropped = new bool[cut.Count];
        for (var i = 0; i < cut.Count; i++)
        {
            var word = cut[i];
            if (KeywordLexicon.Terms.Contains(word)) continue;
            if (PlaceNames.IsRoadName(word)) dropped[i] = true;
            else if (PlaceNames.IsRoadWord(word) || PlaceNames.IsPlaceKind(word)) DropNameBefore(cut, i, dropped);
            else if (PlaceNames.IsRoadSpot(word) && i > 0 && IsName(cut[i - 1]) && PlaceNames.IsProperName(cut[i - 1])) dropped[i - 1] = true;
        }
        for (var i = 0; i < cut.Count; i++)
            if (!dropped[i]) Add(words, cut[i]);
    }

    // 北京/东路, 中山/北/路, 幸福/小区: the name before the ending is part of a place, not a word of its
    // own. A road's ending goes with it; a kind of place (小区, 公园) is left to the stop words.
    static void DropNameBefore(List<string> cut, int at, bool[] dropped)
    {
        if (PlaceNames.IsRoadWord(cut[at])) dropped[at] = true;
        var j = at - 1;
        if (j >= 0 && PlaceNames.IsDirection(cut[j])) dropped[j--] = true;
        if (j >= 0 && IsName(cut[j])) dropped[j] = true;
    }

    static bool IsName(string word) =>
        word.Length <= 4 && IsHan(word) && !KeywordLexicon.StopWords.Contains(word) && !KeywordLexicon.Terms.Contains(word);

    static void Add(List<string> words, string word)
    {
        if (!IsKeyword(word) || words.Contains(word)) return;
        words.Add(word);
    }

    static bool IsKeyword(string word)
    {
        if (KeywordLexicon.Terms.Contains(word)) return true;
        return word.Length is >= 2 and <= MaxWordLength && IsHan(word) && !IsMeasure(word) && !KeywordLexicon.StopWords.Contains(word);
    }

    // Chinese characters only: numbers, Latin letters and punctuation are no keywords.
    static bool IsHan(string word)
    {
        foreach (var c in word)
            if (c is not ((>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF'))) return false;
        return true;
    }

    // 三栋, 两天, 十几个, 五六: a number in words, with or without its measure.
    static bool IsMeasure(string word)
    {
        var i = 0;
        while (i < word.Length && (ChineseLexicon.IsNumeral(word[i]) || word[i] is '几' or '半' or '数')) i++;
        if (i == 0) return false;
        var rest = word[i..];
        return rest.Length == 0 || ChineseLexicon.Units.Contains(rest) || ChineseLexicon.Units.Contains(rest[..1]) || Measures.Contains(rest[0]);
    }

    // Measure words beside the segmenter's units (几袋垃圾, 一片狼藉, 两根电线).
    const string Measures = "袋包堆只条根家名位间处棵株台部张片段桶箱座盏遍趟起件份批群伙帮";
}
