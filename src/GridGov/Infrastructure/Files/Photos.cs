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
    // What is stored is at most this on its longest side: a larger picture is decoded scaled down,
    // so one decode holds about StoredMaxSide² × 4 bytes (64 MB), whatever the header claims.
    public const int StoredMaxSide = 4096;
    const int Quality = 85;

    // A decode holds at most about 128 MB (picture and upright copy); two at a time at most.
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
        // This Skia decodes a PNG only whole (no scaling, no rows): a PNG must fit StoredMaxSide² pixels.
        if (codec.EncodedFormat == SKEncodedImageFormat.Png && (long)w * h > (long)StoredMaxSide * StoredMaxSide)
            return (null, $"PNG 照片尺寸 {w}×{h} 过大：总像素不超过 {StoredMaxSide * StoredMaxSide / 1_000_000} 百万，更大的照片请用 JPEG 或 WebP");
        using var decoded = Decode(codec);
        // Every pixel decoded: a truncated or corrupt file is refused, not stored half grey.
        if (decoded is null) return (null, "照片已损坏，无法读取");
        // Already upright (most PNG and WebP): put on white in place rather than in a second bitmap.
        if (codec.EncodedOrigin == SKEncodedOrigin.TopLeft)
        {
            using (var canvas = new SKCanvas(decoded)) canvas.DrawColor(SKColors.White, SKBlendMode.DstOver);
            return Jpeg(decoded);
        }
        decoded.SetImmutable();
        using var upright = Upright(decoded, codec.EncodedOrigin);
        return Jpeg(upright);
    }

    static (byte[]?, string?) Jpeg(SKBitmap bitmap)
    {
        using var jpeg = bitmap.Encode(SKEncodedImageFormat.Jpeg, Quality);
        return jpeg is null ? (null, "照片无法处理") : (jpeg.ToArray(), null);
    }

    // The picture at most StoredMaxSide on its longest side, or null if any of it fails to decode.
    // JPEG decodes scaled by k/8 and WebP by any factor, so the full-size picture is never held;
    // a PNG (at most StoredMaxSide² pixels) is decoded whole and then shrunk.
    static SKBitmap? Decode(SKCodec codec)
    {
        var (w, h) = (codec.Info.Width, codec.Info.Height);
        var longest = Math.Max(w, h);
        if (longest <= StoredMaxSide) return Whole(codec, Info(w, h));
        double s = (double)StoredMaxSide / longest;
        var target = Info(Math.Max(1, (int)(w * s)), Math.Max(1, (int)(h * s)));
        switch (codec.EncodedFormat)
        {
            case SKEncodedImageFormat.Jpeg:
                // Skia rounds a JPEG scale up to the next k/8: ask for the k/8 just below the limit.
                var size = codec.GetScaledDimensions(MathF.Floor(8f * StoredMaxSide / longest) / 8f);
                return Math.Max(size.Width, size.Height) > StoredMaxSide ? null : Whole(codec, Info(size.Width, size.Height));
            case SKEncodedImageFormat.Webp:
                return Whole(codec, target);
            default:
                using (var full = Whole(codec, Info(w, h)))
                {
                    if (full is null) return null;
                    var shrunk = new SKBitmap(target);
                    if (full.PeekPixels().ScalePixels(shrunk.PeekPixels(), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))) return shrunk;
                    shrunk.Dispose();
                    return null;
                }
        }
    }

    static SKImageInfo Info(int width, int height) => new(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);

    static SKBitmap? Whole(SKCodec codec, SKImageInfo info)
    {
        var bitmap = new SKBitmap(info);
        if (codec.GetPixels(info, bitmap.GetPixels()) == SKCodecResult.Success) return bitmap;
        bitmap.Dispose();
        return null;
    }

    // The pixels turned as the EXIF orientation says, on white (JPEG has no transparency). The source
    // is immutable, so drawing it makes no copy.
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
