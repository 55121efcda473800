using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace GridGov.Infrastructure.Text;

// What users type is stored without the characters that only hide or disguise text: NUL and the
// other control characters (C0, DEL, C1), the bidirectional overrides, embeddings and isolates
// (U+202A–202E, U+2066–2069) that make "gpj.exe" read as "exe.jpg" or reorder a record on screen,
// the direction marks U+200E/200F/061C (no script this city writes needs them), the zero-width and
// invisible characters that make two names look alike (U+200B–200D, U+2060–2064, the soft hyphen
// U+00AD, the interlinear annotations U+FFF9–FFFB) and a stray BOM. The Unicode line and paragraph
// separators (U+2028/2029) are line breaks like \n.
// Stripped rather than refused: they arrive invisibly, pasted from Word, WeChat or a web page, and a
// refusal would name a character the user can neither see nor find; removing them changes nothing
// the user meant. Line breaks and tabs stay in multi-line text (descriptions, notes) and become
// spaces in one-line text (names, titles, addresses).
public static class CleanText
{
    // For the JSON reader, which cannot know whether a field is one line or many: keeps \t \n \r.
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Multiline(string? text) => text is null ? null : Clean(text, oneLine: false);

    [return: NotNullIfNotNull(nameof(text))]
    public static string? Line(string? text) => text is null ? null : Clean(text, oneLine: true);

    public static bool IsHidden(char c) =>
        c is < '\u0020' or (>= '\u007F' and <= '\u009F') or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')
            or (>= '\u200B' and <= '\u200F') or (>= '\u2060' and <= '\u2064') or (>= '\uFFF9' and <= '\uFFFB')
            or '\u00AD' or '\u061C' or '\uFEFF' or '\u2028' or '\u2029';

    static string Clean(string text, bool oneLine)
    {
        var i = 0;
        while (i < text.Length && !IsHidden(text[i])) i++;
        if (i == text.Length) return text; // the common case: nothing to do, no copy
        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i] is '\u2028' or '\u2029' ? '\n' : text[i];
            if (c is '\n' or '\r' or '\t')
            {
                if (!oneLine) sb.Append(c);
                else if (c != '\n' || i == 0 || text[i - 1] != '\r') sb.Append(' ');
            }
            else if (!IsHidden(c)) sb.Append(c);
        }
        return sb.ToString();
    }
}
