using GridGov.Infrastructure.Printing;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace GridGov.Features.Registry.Addresses;

// A community's door-plate QR codes on A4 sheets, 4 × 6 a page, each with its address under it and its
// code in small print: cut out, laminate, stick by the door. Written page by page into a stream, so a
// community of thousands of rooms prints in bounded memory.
static class PlateSheet
{
    public sealed record Plate(string FullName, string Code, string Url);

    const float Width = 595f, Height = 842f, Margin = 28f, Columns = 4, Rows = 6, Header = 30f;

    public static void Render(Stream output, string title, IEnumerable<Plate> plates, int total, SKTypeface typeface, DateTime printedAt)
    {
        var metadata = new SKDocumentPdfMetadata
        {
            Title = title, Creator = "网格化社会治理平台", Producer = "GridGov", Creation = DateTime.SpecifyKind(printedAt, DateTimeKind.Utc),
        };
        using var document = SKDocument.CreatePdf(output, metadata);
        using var shaper = new SKShaper(typeface);
        var perPage = (int)(Columns * Rows);
        var pages = Math.Max(1, (total + perPage - 1) / perPage);
        var cellW = (Width - 2 * Margin) / Columns;
        var cellH = (Height - 2 * Margin - Header) / Rows;
        SKCanvas? canvas = null;
        var i = 0;
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var grey = new SKPaint { Color = new SKColor(0x70, 0x70, 0x70), IsAntialias = true };
        using var cut = new SKPaint { Color = new SKColor(0xbb, 0xbb, 0xbb), Style = SKPaintStyle.Stroke, StrokeWidth = 0.5f, PathEffect = SKPathEffect.CreateDash([3, 3], 0) };
        using var titleFont = new SKFont(typeface, 12) { Embolden = true };
        using var nameFont = new SKFont(typeface, 9);
        using var codeFont = new SKFont(typeface, 6.5f);
        foreach (var plate in plates)
        {
            var slot = i % perPage;
            if (slot == 0)
            {
                if (canvas is not null) document.EndPage();
                canvas = document.BeginPage(Width, Height);
                canvas.DrawShapedText(shaper, $"{title}　第 {i / perPage + 1} / {pages} 页", Margin, Margin + 14, SKTextAlign.Left, titleFont, ink);
            }
            var x = Margin + slot % (int)Columns * cellW;
            var y = Margin + Header + slot / (int)Columns * cellH;
            canvas!.DrawRect(x, y, cellW, cellH, cut);
            var qr = Math.Min(cellW, cellH) - 40;
            QrDrawing.Draw(canvas, plate.Url, x + (cellW - qr) / 2, y + 6, qr);
            canvas.DrawShapedText(shaper, Cut(plate.FullName, nameFont, cellW - 8), x + cellW / 2, y + qr + 20, SKTextAlign.Center, nameFont, ink);
            canvas.DrawShapedText(shaper, plate.Code, x + cellW / 2, y + qr + 30, SKTextAlign.Center, codeFont, grey);
            i++;
        }
        if (canvas is null)
        {
            canvas = document.BeginPage(Width, Height);
            canvas.DrawShapedText(shaper, $"{title}：没有可打印的户室地址", Margin, Margin + 14, SKTextAlign.Left, titleFont, ink);
        }
        document.EndPage();
        document.Close();
    }

    static string Cut(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width) return text;
        while (text.Length > 1 && font.MeasureText("…" + text) > width) text = text[1..];
        return "…" + text;
    }
}
