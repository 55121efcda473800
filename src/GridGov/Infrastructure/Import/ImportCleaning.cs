using System.Text;
using GridGov.Infrastructure.Text;

namespace GridGov.Infrastructure.Import;

// The cleaning every imported value gets before any target sees it: hidden characters removed
// (CleanText: zero-width spaces, BOMs, direction marks pasted from Word or WeChat), full-width
// letters, digits and signs made half-width (１３８ → 138, ＡＢＣ → ABC, the ideographic space → space),
// and the ends trimmed. Chinese text is untouched.
public static class ImportCleaning
{
    public static string Value(string? raw)
    {
        var s = CleanText.Line(raw ?? "");
        if (s.Any(c => c is >= '\uFF01' and <= '\uFF5E' or '\u3000'))
        {
            var sb = new StringBuilder(s.Length);
            foreach (var c in s)
                sb.Append(c switch
                {
                    >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                    '\u3000' => ' ',
                    _ => c,
                });
            s = sb.ToString();
        }
        return s.Trim();
    }
}
