using SkiaSharp;

namespace GridGov.Features.Tickets.Printing;

// The Chinese font the 办理单 is drawn with: the file `GridGov:PdfFont` names (a .ttf, .otf or .ttc), or
// else the system's Noto Sans CJK (Debian's fonts-noto-cjk). We ship no font: a CJK font is 20 MB
// and every Chinese server has one. A configured file that cannot be read is an error of the
// operator's, so it is not replaced by a guess. Found once, kept for the process.
public sealed class SheetFont(IConfiguration config, ILogger<SheetFont> log)
{
    static readonly string[] SystemPlaces =
    [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
        "/System/Library/Fonts/PingFang.ttc",
        @"C:\Windows\Fonts\msyh.ttc",
    ];

    readonly Lazy<SKTypeface?> typeface = new(() => Find(config["GridGov:PdfFont"], log));

    public SKTypeface? Typeface => typeface.Value;

    static SKTypeface? Find(string? configured, ILogger log)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var own = Load(configured);
            if (own is null) log.LogError("办理单字体文件 {Path}（GridGov:PdfFont）不存在或无法读取，打印办理单不可用", configured);
            return own;
        }
        foreach (var path in SystemPlaces)
            if (Load(path) is { } found) return found;
        log.LogWarning("未找到中文字体（Noto Sans CJK），打印办理单不可用；请安装 fonts-noto-cjk 或设置 GridGov:PdfFont");
        return null;
    }

    // A collection (.ttc) holds the Japanese, Korean, Simplified and Traditional Chinese faces:
    // take the Simplified Chinese one, whose glyph forms are the ones readers here expect.
    static SKTypeface? Load(string path)
    {
        if (!File.Exists(path)) return null;
        SKTypeface? first = null;
        for (var i = 0; i < 16; i++)
        {
            var face = SKTypeface.FromFile(path, i);
            if (face is null) break;
            if (face.FamilyName.EndsWith(" SC", StringComparison.Ordinal) || face.FamilyName.Contains("PingFang") || face.FamilyName.Contains("YaHei"))
            {
                if (!ReferenceEquals(first, face)) first?.Dispose();
                return face;
            }
            if (first is null) first = face; else face.Dispose();
        }
        return first is not null && new SKFont(first).ContainsGlyph('办') ? first : null;
    }
}
