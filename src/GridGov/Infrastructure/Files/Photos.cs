using SkiaSharp;

namespace GridGov.Infrastructure.Files;

// A photo is decoded by a real image library (Skia) and stored as a JPEG it encodes afresh: a file
// that only starts like an image (an HTML page behind a JPEG header) fails to decode; a header that
// claims a huge picture is refused before any pixel is decoded; and what is kept carries no EXIF
// (no GPS position, no camera serial) and nothing appended after the image. The EXIF orientation is
// applied to the pixels first, so a phone's portrait photo stays upright.
static class Photos
{
    public const int MaxSide = 12_000;
    public const long MaxPixels = 40_000_000;
    const int Quality = 85;

    // A 40 MP decode holds about 320 MB (source and upright copy); two at a time at most.
    static readonly SemaphoreSlim Decoders = new(2);

    public static async Task<(byte[]? Jpeg, string? Error)> ReencodeAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        await Decoders.WaitAsync(ct);
        try { return Reencode(bytes.Span); }
        finally { Decoders.Release(); }
    }

    static (byte[]?, string?) Reencode(ReadOnlySpan<byte> bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
            return (null, "无法识别为 JPEG、PNG 或 WebP 图片");
        var (w, h) = (codec.Info.Width, codec.Info.Height);
        if (w <= 0 || h <= 0) return (null, "照片已损坏，无法读取");
        if (w > MaxSide || h > MaxSide || (long)w * h > MaxPixels)
            return (null, $"照片尺寸 {w}×{h} 过大：边长不超过 {MaxSide} 像素、总像素不超过 {MaxPixels / 1_000_000} 百万");
        var info = new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var decoded = new SKBitmap(info);
        // Every pixel decoded: a truncated or corrupt file is refused, not stored half grey.
        if (codec.GetPixels(info, decoded.GetPixels()) != SKCodecResult.Success) return (null, "照片已损坏，无法读取");
        using var upright = Upright(decoded, codec.EncodedOrigin);
        using var image = SKImage.FromBitmap(upright);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, Quality);
        return jpeg is null ? (null, "照片无法处理") : (jpeg.ToArray(), null);
    }

    // The pixels turned as the EXIF orientation says, on white (JPEG has no transparency).
    static SKBitmap Upright(SKBitmap src, SKEncodedOrigin origin)
    {
        var (w, h) = (src.Width, src.Height);
        var turned = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        // x' = a·x + b·y + c, y' = d·x + e·y + f, from the stored pixels to the upright picture.
        var m = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        var result = new SKBitmap(new SKImageInfo(turned ? h : w, turned ? w : h, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(result);
        canvas.Clear(SKColors.White);
        canvas.SetMatrix(m);
        using var image = SKImage.FromBitmap(src);
        canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default, null);
        return result;
    }
}
