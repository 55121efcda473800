using System.Text;

namespace GridGov.Infrastructure.Text;

// Turns a ticket description into the words that say what it is about, for duplicate detection
// and department suggestion: segmented, lower-cased, deduplicated, without punctuation, numbers,
// house numbers or stop words. Safe to call from any number of threads.
public static class ChineseText
{
    // Loading takes most of a second; the host calls this at start-up so no request pays for it.
    public static void Warm() => ChineseSegmenter.Warm();

    public static string[] Tokens(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        // Full-width digits and letters (１２号, ＷＩＦＩ) would otherwise escape the number and case rules.
        if (!text.IsNormalized(NormalizationForm.FormKC)) text = text.Normalize(NormalizationForm.FormKC);

        var raws = new List<string>(24);
        ChineseSegmenter.Words(text, raws);
        var words = new List<string>(raws.Count);
        var afterNumber = false;
        foreach (var raw in raws)
        {
            if (string.IsNullOrWhiteSpace(raw)) continue;
            if (IsNumber(raw)) { afterNumber = true; continue; }
            var unitOfNumber = afterNumber && ChineseLexicon.Units.Contains(raw);
            afterNumber = false;
            if (unitOfNumber || !HasLetter(raw) || IsQuantity(raw)) continue;

            var word = raw.ToLowerInvariant();
            if (!ChineseLexicon.StopWords.Contains(word) && !words.Contains(word)) words.Add(word);
        }
        return [.. words];
    }

    static bool IsNumber(string word)
    {
        var digits = false;
        foreach (var c in word)
        {
            if (ChineseLexicon.IsNumeral(c)) digits = true;
            else if (c is not ('.' or '-' or '%' or '#')) return false;
        }
        return digits;
    }

    // A number fused with its unit, as jieba sometimes cuts it: "12号", "三栋", "十点".
    static bool IsQuantity(string word)
    {
        var i = 0;
        while (i < word.Length && ChineseLexicon.IsNumeral(word[i])) i++;
        return i > 0 && ChineseLexicon.Units.Contains(word[i..]);
    }

    static bool HasLetter(string word)
    {
        foreach (var c in word)
            if (char.IsLetter(c)) return true;
        return false;
    }
}
