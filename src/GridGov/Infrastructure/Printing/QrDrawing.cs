using QRCoder;
using SkiaSharp;

namespace GridGov.Infrastructure.Printing;

// A QR code drawn as vector squares (sharp at any print size), error correction M: a plate may get
// dirty or scratched outdoors and still scan.
public static class QrDrawing
{
    public static void Draw(SKCanvas canvas, string url, float x, float y, float size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var n = matrix.Count;
        var module = size / n;
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = false, Style = SKPaintStyle.Fill };
        for (var r = 0; r < n; r++)
            for (var c = 0; c < n; c++)
                if (matrix[r][c]) canvas.DrawRect(x + c * module, y + r * module, module + 0.02f, module + 0.02f, paint);
    }
}
