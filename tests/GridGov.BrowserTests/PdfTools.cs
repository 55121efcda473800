using System.Diagnostics;
using Microsoft.Playwright;
using ZXing;

namespace GridGov.BrowserTests;

// PDFs read as a person would see them printed, with Debian's poppler-utils (pdfinfo, pdftotext,
// pdftoppm) and ZXing for the QR codes on them.
static class PdfTools
{
    // The PDF as the signed-in browser gets it (its cookies), saved beside the screenshots, and a
    // PNG of it to look at.
    public static async Task<string> FetchAsync(IPage page, string url, string name)
    {
        var response = await page.Context.APIRequest.GetAsync(url);
        Assert.Equal(200, response.Status);
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        var path = Path.Combine(BrowserApp.Screenshots, name + ".pdf");
        await File.WriteAllBytesAsync(path, await response.BodyAsync());
        Run("pdftoppm", "-png", "-r", "80", "-singlefile", path, Path.Combine(BrowserApp.Screenshots, name));
        return path;
    }

    // The PDF's text. Noto CJK draws some ideographs (网, 人, 见) with the glyph of their Kangxi radical,
    // and the PDF's text layer names that code point; NFKC folds it back, as a search would.
    public static string Text(string pdf) => Run("pdftotext", "-layout", pdf, "-").Normalize(System.Text.NormalizationForm.FormKC);

    public static int Pages(string pdf) =>
        int.Parse(Run("pdfinfo", pdf).Split('\n').Single(l => l.StartsWith("Pages:"))["Pages:".Length..].Trim());

    // Renders the first page (or a part of it, in pixels at 150 dpi) in grey (PGM: a short header, then one byte a pixel) and reads the QR code on it.
    public static string? QrCode(string pdf, (int X, int Y, int W, int H)? crop = null)
    {
        var prefix = Path.Combine(Path.GetTempPath(), "gridgov-qr-" + Guid.NewGuid().ToString("N"));
        string[] area = crop is { } c ? ["-x", c.X.ToString(), "-y", c.Y.ToString(), "-W", c.W.ToString(), "-H", c.H.ToString()] : [];
        Run("pdftoppm", ["-gray", "-r", "150", "-f", "1", "-l", "1", .. area, "-singlefile", pdf, prefix]);
        var bytes = File.ReadAllBytes(prefix + ".pgm");
        File.Delete(prefix + ".pgm");
        var (width, height, offset) = PgmHeader(bytes);
        var pixels = bytes[offset..];
        var source = new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
        var reader = new BarcodeReaderGeneric { Options = { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true } };
        return reader.Decode(source)?.Text ?? (crop is null ? null : PureCode(pixels, width, height));
    }

    // ZXing's finder-pattern search misses about one valid code in thirty-five (it depends on the data,
    // here on the test server's port), while its pure-barcode reader reads them all. A crop holding one
    // code with text below it: the first dark row is the code's top edge, its dark extent the code's
    // width, and the code is square; that square alone, with a white margin, is read as a pure barcode.
    static string? PureCode(byte[] pixels, int width, int height)
    {
        const int dark = 100, margin = 6;
        for (var top = 0; top < height; top++)
        {
            var xs = Enumerable.Range(0, width).Where(x => pixels[top * width + x] < dark).ToList();
            if (xs.Count == 0) continue;
            var (left, size) = (xs.Min(), xs.Max() - xs.Min() + 1);
            var n = size + 2 * margin;
            var square = new byte[n * n];
            Array.Fill(square, (byte)255);
            for (var y = 0; y < size && top + y < height; y++)
                Array.Copy(pixels, (top + y) * width + left, square, (y + margin) * n + margin, Math.Min(size, width - left));
            var source = new RGBLuminanceSource(square, n, n, RGBLuminanceSource.BitmapFormat.Gray8);
            return new BarcodeReaderGeneric { Options = { PossibleFormats = [BarcodeFormat.QR_CODE], PureBarcode = true } }.Decode(source)?.Text;
        }
        return null;
    }

    static (int Width, int Height, int Offset) PgmHeader(byte[] b)
    {
        // "P5", width, height, max value: four whitespace-separated tokens, then the pixels.
        var tokens = new List<string>();
        var i = 0;
        while (tokens.Count < 4)
        {
            while (char.IsWhiteSpace((char)b[i])) i++;
            var start = i;
            while (!char.IsWhiteSpace((char)b[i])) i++;
            tokens.Add(System.Text.Encoding.ASCII.GetString(b, start, i - start));
        }
        Assert.Equal("P5", tokens[0]);
        return (int.Parse(tokens[1]), int.Parse(tokens[2]), i + 1);
    }

    public static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{tool} failed: {error}");
        return output;
    }
}
