using GridGov.Infrastructure;
using QRCoder;
using SkiaSharp;

namespace GridGov.Features.Tickets.Printing;

// Draws the 办理单: one A4 page whatever the ticket holds. Every block has a fixed height (long text
// is wrapped and cut with "…", the history keeps its newest steps and says how many it left out), so
// nothing can push the page over. Text is laid out by Skia with the CJK typeface; Han and Latin need
// no complex shaping (ADR 0011).
static class TicketSheet
{
    const float PageWidth = 595, PageHeight = 842, Margin = 40, Width = PageWidth - 2 * Margin;
    static readonly SKColor Ink = new(0x1f, 0x1f, 0x1f), Grey = new(0x59, 0x59, 0x59), Rule = new(0x40, 0x40, 0x40),
        Shade = new(0xf2, 0xf2, 0xf2), Red = new(0xb7, 0x1c, 0x1c);

    public sealed record Step(string At, string What, string Who, string? Department, string? Note);

    public sealed record Content(string Number, string Category, string State, string Source, string Urgency,
        string? Reporter, string ReportedAt, string? Grid, string? Centre, string? Department, string? CoDepartments,
        string? DueAt, string? Address, string? Location, string Description, string? Result, string? Supervision,
        IReadOnlyList<Step> Steps, string Url, string PrintedAt, string PrintedBy);

    public static byte[] Pdf(Content c, SKTypeface face)
    {
        using var stream = new MemoryStream();
        using (var doc = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata
        {
            Title = $"事件办理单 {c.Number}", Creator = "GridGov 网格化社会治理平台", Producer = "GridGov", RasterDpi = 300,
        }))
        {
            var canvas = doc.BeginPage(PageWidth, PageHeight);
            new Painter(canvas, face).Draw(c);
            doc.EndPage();
            doc.Close();
        }
        return stream.ToArray();
    }

    sealed class Painter(SKCanvas canvas, SKTypeface face)
    {
        readonly SKFont body = new(face, 10.5f), small = new(face, 8.5f), label = new(face, 10.5f) { Embolden = true },
            title = new(face, 20) { Embolden = true }, head = new(face, 12) { Embolden = true };
        readonly SKPaint ink = new() { Color = Ink, IsAntialias = true }, grey = new() { Color = Grey, IsAntialias = true },
            red = new() { Color = Red, IsAntialias = true }, shade = new() { Color = Shade },
            line = new() { Color = Rule, Style = SKPaintStyle.Stroke, StrokeWidth = 0.7f, IsAntialias = true };

        public void Draw(Content c)
        {
            var y = Margin;
            // Title block: the sheet's name, its number, and the QR code to the ticket on the right.
            Text("网格化社会治理", Margin, y + 14, head, grey);
            Text("事件办理单", Margin, y + 40, title, ink);
            Text($"编号：{c.Number}", Margin, y + 62, label, ink);
            if (c.Urgency != "") Text(c.Urgency, Margin + 200, y + 62, label, red);
            Qr(c.Url, PageWidth - Margin - 76, y - 4, 76);
            Text("扫码查看工单", PageWidth - Margin - 76 + 38 - Measure("扫码查看工单", small) / 2, y + 84, small, grey);
            y += 92;

            // The facts, two pairs a row; long ones get the whole row.
            float half = Width / 2, key = 64;
            y = Pair(y, ("事件类别", c.Category), ("当前状态", c.State), half, key);
            y = Pair(y, ("事件来源", c.Source), ("上报时间", c.ReportedAt), half, key);
            y = Pair(y, ("上报人", c.Reporter ?? "—"), ("处置时限", c.DueAt ?? "—"), half, key);
            y = Pair(y, ("所属网格", c.Grid ?? "—"), ("指挥中心", c.Centre ?? "—"), half, key);
            y = Pair(y, ("主办部门", c.Department ?? "—"), ("协办部门", c.CoDepartments ?? "—"), half, key);
            if (c.Supervision is not null) y = Row(y, "督办", c.Supervision, key, 1);
            y = Row(y, "事件地址", c.Address ?? "—", key, 2);
            y = Row(y, "位置", c.Location ?? "—", key, 1);
            y = Row(y, "事件描述", c.Description, key, 7);
            y = Row(y, "处置结果", c.Result ?? "", key, 3);

            // The history: the newest steps that fit, oldest first.
            y += 14;
            Text("办理过程", Margin, y + 12, head, ink);
            y += 20;
            y = Steps(y, c.Steps, PageHeight - Margin - 24 - 96 - y);

            // Signatures, always at the same place above the footer.
            var sy = PageHeight - Margin - 24 - 86;
            Signatures(sy, ["处置人（签字）", "核查人（签字）", "结案人（签字）"]);

            var foot = $"打印：{c.PrintedBy}　{c.PrintedAt}　　本单由 GridGov 网格化社会治理平台生成，以系统记录为准";
            Text(foot, Margin, PageHeight - Margin, small, grey);
        }

        float Pair(float y, (string Key, string Value) a, (string Key, string Value) b, float half, float key)
        {
            const float h = 22;
            Cell(Margin, y, key, h, a.Key, true);
            Cell(Margin + key, y, half - key, h, a.Value, false);
            Cell(Margin + half, y, key, h, b.Key, true);
            Cell(Margin + half + key, y, half - key, h, b.Value, false);
            return y + h;
        }

        float Row(float y, string key, string value, float keyWidth, int lines)
        {
            var h = 8 + 15 * lines;
            var text = Wrap(value, body, Width - keyWidth - 10, lines);
            canvas.DrawRect(Margin, y, keyWidth, h, shade);
            canvas.DrawRect(Margin, y, keyWidth, h, line);
            canvas.DrawRect(Margin + keyWidth, y, Width - keyWidth, h, line);
            Text(key, Margin + 6, y + 15, label, ink);
            for (var i = 0; i < text.Count; i++) Text(text[i], Margin + keyWidth + 5, y + 15 + 15 * i, body, ink);
            return y + h;
        }

        void Cell(float x, float y, float w, float h, string text, bool isKey)
        {
            if (isKey) canvas.DrawRect(x, y, w, h, shade);
            canvas.DrawRect(x, y, w, h, line);
            var font = isKey ? label : body;
            Text(Wrap(text, font, w - 10, 1)[0], x + (isKey ? 6 : 5), y + 15, font, ink);
        }

        float Steps(float y, IReadOnlyList<Step> steps, float room)
        {
            float[] widths = [86, 72, 100, 104, Width - 86 - 72 - 100 - 104];
            string[] heads = ["时间", "环节", "办理人", "部门", "意见"];
            const float h = 19;
            var x = Margin;
            for (var i = 0; i < heads.Length; i++) { canvas.DrawRect(x, y, widths[i], h, shade); canvas.DrawRect(x, y, widths[i], h, line); Text(heads[i], x + 5, y + 13, label, ink); x += widths[i]; }
            y += h;
            var fit = Math.Max(1, (int)((room - h) / h) - 1);
            var shown = steps.Count <= fit + 1 ? steps : steps.Skip(steps.Count - fit).ToList();
            if (shown.Count < steps.Count)
            {
                canvas.DrawRect(Margin, y, Width, h, line);
                Text($"……此前另有 {steps.Count - shown.Count} 条记录，详见系统", Margin + 5, y + 13, small, grey);
                y += h;
            }
            if (steps.Count == 0)
            {
                canvas.DrawRect(Margin, y, Width, h, line);
                Text("暂无办理记录", Margin + 5, y + 13, body, grey);
                return y + h;
            }
            foreach (var s in shown)
            {
                x = Margin;
                string?[] cells = [s.At, s.What, s.Who, s.Department, s.Note];
                for (var i = 0; i < cells.Length; i++)
                {
                    canvas.DrawRect(x, y, widths[i], h, line);
                    var font = i == 0 ? small : body;
                    Text(Wrap(cells[i] ?? "", font, widths[i] - 8, 1)[0], x + 4, y + 13, font, ink);
                    x += widths[i];
                }
                y += h;
            }
            return y;
        }

        void Signatures(float y, string[] who)
        {
            var w = Width / who.Length;
            for (var i = 0; i < who.Length; i++)
            {
                var x = Margin + i * w;
                canvas.DrawRect(x, y, w, 80, line);
                Text(who[i], x + 8, y + 18, label, ink);
                Text("日期：　　年　　月　　日", x + 8, y + 70, small, grey);
            }
        }

        // The QR code drawn as vector squares, so it prints sharp at any size.
        void Qr(string url, float x, float y, float size)
        {
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
            var modules = data.ModuleMatrix;
            var n = modules.Count;
            var cell = size / n;
            using var dark = new SKPaint { Color = SKColors.Black };
            for (var r = 0; r < n; r++)
                for (var col = 0; col < n; col++)
                    if (modules[r][col]) canvas.DrawRect(x + col * cell, y + r * cell, cell + 0.05f, cell + 0.05f, dark);
        }

        void Text(string s, float x, float y, SKFont font, SKPaint paint) => canvas.DrawText(s, x, y, SKTextAlign.Left, font, paint);

        static float Measure(string s, SKFont font) => font.MeasureText(s);

        // Wraps at any character (Chinese has no spaces to break at) and keeps Latin words whole when
        // they fit a line; a text longer than `lines` lines ends with "…".
        public static List<string> Wrap(string text, SKFont font, float width, int lines)
        {
            var result = new List<string>();
            var paragraphs = text.Replace("\r", "").Split('\n');
            foreach (var p in paragraphs)
            {
                var rest = p;
                do
                {
                    var take = Fit(rest, font, width);
                    result.Add(rest[..take]);
                    rest = rest[take..].TrimStart(' ');
                } while (rest.Length > 0 && result.Count <= lines);
                if (result.Count > lines) break;
            }
            if (result.Count == 0) result.Add("");
            if (result.Count > lines)
            {
                result.RemoveRange(lines, result.Count - lines);
                var last = result[^1];
                while (last.Length > 0 && font.MeasureText(last + "…") > width) last = last[..^1];
                result[^1] = last + "…";
            }
            return result;
        }

        static int Fit(string s, SKFont font, float width)
        {
            if (font.MeasureText(s) <= width) return s.Length;
            int lo = 1, hi = s.Length;
            while (lo < hi)
            {
                var mid = (lo + hi + 1) / 2;
                if (font.MeasureText(s.AsSpan(0, mid)) <= width) lo = mid; else hi = mid - 1;
            }
            // Do not cut a Latin word or number in two when a space before it allows.
            var space = s.LastIndexOf(' ', lo - 1);
            if (lo < s.Length && char.IsAsciiLetterOrDigit(s[lo]) && char.IsAsciiLetterOrDigit(s[lo - 1]) && space > lo / 2) return space + 1;
            return lo;
        }
    }

    public static string Time(DateTime utc) => ChinaTime.Format(utc);
}
