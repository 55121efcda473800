using GridGov.Infrastructure;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace GridGov.Features.Tickets.Printing;

// Draws the 办理单 of one ticket: an A4 form in the shape of the paper ones command centres file —
// a titled, ruled table of the ticket's facts, its description, the steps it went through, boxes to
// sign, and a QR code back to its page. Everything is measured against fixed boxes and cut with "…",
// so that the sheet is always exactly one page, however long the description or the history.
public static class TicketSheet
{
    public sealed record Facts(TicketDetail Ticket, string Url, string PrintedBy, DateTime PrintedAt);

    // A4 in PDF points (1/72 inch); margins as a government form's, about 18 mm.
    const float Width = 595f, Height = 842f, Margin = 50f;
    const float Left = Margin, Right = Width - Margin, Inner = Right - Left;
    const float Label = 78f;           // the grey label column
    const float Row = 24f;             // one line of the facts table
    const float Line = 15f;            // one wrapped line of text (10 pt)
    const float DescriptionBox = 8 * Line + 10;
    const float HistoryRow = 17f;
    const float HistoryBox = 16 * HistoryRow;
    const float SignatureBox = 64f;

    static readonly SKColor Ink = new(0x1f, 0x1f, 0x1f), Rule = new(0x40, 0x40, 0x40), Shade = new(0xf0, 0xf0, 0xf0), Red = new(0xc0, 0x1c, 0x1c);

    public static byte[] Render(Facts f, SKTypeface typeface)
    {
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"事件办理单 {f.Ticket.Number}", Creator = "网格化社会治理平台", Producer = "GridGov",
            Creation = DateTime.SpecifyKind(f.PrintedAt, DateTimeKind.Utc), RasterDpi = 300,
        };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            var canvas = document.BeginPage(Width, Height);
            using var shaper = new SKShaper(typeface);
            new Pen(canvas, shaper, typeface).Draw(f);
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }

    sealed class Pen(SKCanvas canvas, SKShaper shaper, SKTypeface typeface)
    {
        public void Draw(Facts f)
        {
            var t = f.Ticket;
            var y = Margin;
            // Title, double-ruled under it, and the QR code in the top right corner.
            Text("网格化社会治理 事件办理单", Width / 2, y + 24, 20, bold: true, align: SKTextAlign.Center);
            QrCode(f.Url, Right - 62, y - 16, 62);
            y += 40;
            Text($"编号：{t.Number}", Left, y + 12, 10);
            Text($"打印：{ChinaTime.FromUtc(f.PrintedAt):yyyy-MM-dd HH:mm}　{Cut(f.PrintedBy, 12)}", Right - 70, y + 12, 8.5f, align: SKTextAlign.Right);
            y += 20;
            HLine(Left, Right, y, 1.6f);
            y += 3;

            // The facts: label | value | label | value.
            var top = y;
            var half = Inner / 2;
            (string, string, string, string)[] pairs =
            [
                ("事件编号", t.Number, "当前状态", t.StateName + (t.Overdue ? "（已超期）" : "")),
                ("事件类别", t.CategoryName, "事件来源", TicketNames.Source(t.Source)),
                ("上报人", t.ReporterName ?? "—", "上报时间", ChinaTime.Format(t.ReportedAt)),
                ("处置时限", t.DueAt is { } due ? ChinaTime.Format(due) : "—", "主办部门", t.LeadDepartment ?? "—"),
            ];
            foreach (var (l1, v1, l2, v2) in pairs)
            {
                LabelCell(Left, y, Row, l1);
                Text(Cut(v1, half - Label - 10, 10), Left + Label + 6, y + 16, 10);
                LabelCell(Left + half, y, Row, l2);
                Text(Cut(v2, half - Label - 10, 10), Left + half + Label + 6, y + 16, 10,
                    color: l1 == "事件编号" && t.Overdue ? Red : Ink);
                y += Row;
                HLine(Left, Right, y, 0.6f);
            }
            foreach (var (label, value) in new[]
            {
                ("事件地址", t.Address ?? "—"),
                ("所属网格", Join(t.GridName, t.CentreName is { } c ? $"（{c}）" : null)
                    + (t.Lon is { } lon && t.Lat is { } lat ? $"　坐标 {lon:0.000000}, {lat:0.000000}" : "")),
            })
            {
                LabelCell(Left, y, Row, label);
                Text(Cut(value, Inner - Label - 12, 10), Left + Label + 6, y + 16, 10);
                y += Row;
                HLine(Left, Right, y, 0.6f);
            }

            // The description, wrapped inside its box; whatever does not fit ends in "…".
            LabelCell(Left, y, DescriptionBox, "问题描述");
            var lines = Wrap(t.Description, Inner - Label - 14, 10, (int)((DescriptionBox - 10) / Line));
            for (var i = 0; i < lines.Count; i++) Text(lines[i], Left + Label + 7, y + 17 + i * Line, 10);
            y += DescriptionBox;
            HLine(Left, Right, y, 0.6f);

            // The history, oldest first; when it does not fit, the report itself and the latest steps.
            LabelCell(Left, y, HistoryBox + HistoryRow, "办理过程");
            History(t.Timeline, Left + Label, y);
            y += HistoryBox + HistoryRow;
            HLine(Left, Right, y, 0.6f);

            // The label column's rule, from the first row to the signatures.
            VLine(Left + Label, top, y, 0.6f);

            // Signatures: who handled, who answers for the department, who checked at the centre.
            string[] signers = ["经办人（签字）", "部门负责人（签字）", "指挥中心审核（盖章）"];
            var w = Inner / signers.Length;
            for (var i = 0; i < signers.Length; i++)
            {
                var x = Left + i * w;
                Fill(x, y, w, 18, Shade);
                Text(signers[i], x + w / 2, y + 13, 9.5f, align: SKTextAlign.Center);
                Text("年　　月　　日", x + w - 8, y + SignatureBox + 18 - 8, 9, align: SKTextAlign.Right);
                if (i > 0) VLine(x, y, y + SignatureBox + 18, 0.6f);
            }
            HLine(Left, Right, y + 18, 0.6f);
            y += SignatureBox + 18;

            // The outer frame, heavier than the inner rules.
            Box(Left, top, Inner, y - top, 1.4f);
            for (var i = 0; i < pairs.Length; i++)
            {
                VLine(Left + half, top + i * Row, top + (i + 1) * Row, 0.6f);
                VLine(Left + half + Label, top + i * Row, top + (i + 1) * Row, 0.6f);
            }

            y += 16;
            Text("说明：本单由网格化社会治理平台生成，以系统记录为准；扫描右上角二维码可查看事件详情及全部办理记录。", Left, y, 8, color: new SKColor(0x55, 0x55, 0x55));
        }

        void History(List<TicketEventDto> events, float x, float y)
        {
            var w = Right - x;
            // 序号 | 时间 | 环节 | 办理人（部门） | 意见
            float[] cols = [28, 92, 58, 96];
            var opinion = w - cols.Sum();
            string[] heads = ["序号", "办理时间", "环节", "办理人／部门", "办理意见"];
            Fill(x, y, w, HistoryRow, Shade);
            var cx = x;
            for (var i = 0; i < heads.Length; i++)
            {
                var cw = i < cols.Length ? cols[i] : opinion;
                Text(heads[i], cx + cw / 2, y + 12, 9, align: SKTextAlign.Center);
                if (i > 0) VLine(cx, y, y + HistoryRow + HistoryBox, 0.4f);
                cx += cw;
            }
            HLine(x, Right, y + HistoryRow, 0.4f);

            var capacity = (int)(HistoryBox / HistoryRow);
            var rows = events.Select((e, i) => (No: (i + 1).ToString(), Event: (TicketEventDto?)e)).ToList();
            if (rows.Count > capacity)
            {
                // Keep the report (first) and the latest steps; one row says how many are left out.
                var latest = rows.Skip(rows.Count - (capacity - 2)).ToList();
                rows = [rows[0], ("…", null), .. latest];
            }
            var skipped = events.Count - (rows.Count(r => r.Event is not null));
            var ry = y + HistoryRow;
            foreach (var (no, e) in rows)
            {
                var baseline = ry + 12;
                cx = x;
                if (e is null)
                {
                    Fill(x + 0.5f, ry + 0.5f, w - 1, HistoryRow - 1, SKColors.White);
                    Text($"……中间 {skipped} 条办理记录从略，详见系统……", x + w / 2, baseline, 8.5f, align: SKTextAlign.Center, color: new SKColor(0x66, 0x66, 0x66));
                }
                else
                {
                    string[] cells = [no, ChinaTime.FromUtc(e.At).ToString("yyyy-MM-dd HH:mm"), e.ActionName,
                        Join(e.ActorName, e.Department is { } d ? $"（{d}）" : null), e.Note ?? ""];
                    for (var i = 0; i < cells.Length; i++)
                    {
                        var cw = i < cols.Length ? cols[i] : opinion;
                        var centred = i == 0;
                        Text(Cut(OneLine(cells[i]), cw - 6, 8.5f), centred ? cx + cw / 2 : cx + 3, baseline, 8.5f,
                            align: centred ? SKTextAlign.Center : SKTextAlign.Left);
                        cx += cw;
                    }
                }
                ry += HistoryRow;
                HLine(x, Right, ry, 0.25f);
            }
        }

        void QrCode(string url, float x, float y, float size) => Infrastructure.Printing.QrDrawing.Draw(canvas, url, x, y, size);

        void LabelCell(float x, float y, float h, string label)
        {
            Fill(x, y, Label, h, Shade);
            Text(label, x + Label / 2, y + Math.Min(h, Row) / 2 + 4, 10, align: SKTextAlign.Center);
        }

        void Text(string text, float x, float y, float size, bool bold = false, SKTextAlign align = SKTextAlign.Left, SKColor? color = null)
        {
            if (text.Length == 0) return;
            using var font = Font(size, bold);
            using var paint = new SKPaint { Color = color ?? Ink, IsAntialias = true };
            canvas.DrawShapedText(shaper, text, x, y, align, font, paint);
        }

        SKFont Font(float size, bool bold = false) => new(typeface, size) { Embolden = bold, Subpixel = true };

        float Measure(string text, float size)
        {
            using var font = Font(size);
            return font.MeasureText(text);
        }

        // The text in one line of `width`, cut with "…" when longer.
        string Cut(string text, float width, float size = 10)
        {
            if (Measure(text, size) <= width) return text;
            var n = text.Length;
            while (n > 0 && Measure(text[..n] + "…", size) > width) n--;
            return text[..n] + "…";
        }

        // Lines of at most `width`, at most `max` of them; the last one ends in "…" if text remains.
        List<string> Wrap(string text, float width, float size, int max)
        {
            var lines = new List<string>();
            foreach (var paragraph in text.Replace("\r", "").Split('\n'))
            {
                var rest = paragraph;
                do
                {
                    var n = rest.Length;
                    while (n > 1 && Measure(rest[..n], size) > width) n--;
                    lines.Add(rest[..n]);
                    rest = rest[n..];
                } while (rest.Length > 0 && lines.Count <= max);
                if (lines.Count > max) break;
            }
            if (lines.Count <= max) return lines;
            lines = lines[..max];
            lines[^1] = Cut(lines[^1] + "…", width, size); // ends in "…" whether or not it had to be cut
            return lines;
        }

        void HLine(float x1, float x2, float y, float width) => Stroke(width, p => canvas.DrawLine(x1, y, x2, y, p));
        void VLine(float x, float y1, float y2, float width) => Stroke(width, p => canvas.DrawLine(x, y1, x, y2, p));
        void Box(float x, float y, float w, float h, float width) => Stroke(width, p => canvas.DrawRect(x, y, w, h, p));

        void Stroke(float width, Action<SKPaint> draw)
        {
            using var paint = new SKPaint { Color = Rule, StrokeWidth = width, Style = SKPaintStyle.Stroke, IsAntialias = true };
            draw(paint);
        }

        void Fill(float x, float y, float w, float h, SKColor color)
        {
            using var paint = new SKPaint { Color = color, Style = SKPaintStyle.Fill };
            canvas.DrawRect(x, y, w, h, paint);
        }

        static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
        static string OneLine(string text) => text.ReplaceLineEndings(" ");
        static string Join(string? a, string? b) => (a ?? "—") + (b ?? "");
    }
}
