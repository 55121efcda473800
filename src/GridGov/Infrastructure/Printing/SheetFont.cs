using SkiaSharp;

namespace GridGov.Infrastructure.Printing;

// The Chinese font the handling sheet is drawn with: `GridGov:PdfFont` when configured (a .ttf/.otf,
// or a .ttc whose Simplified Chinese face is found by name), otherwise the system's Noto Sans CJK
// (Debian's fonts-noto-cjk). Without one the sheet cannot be drawn: a PDF of empty boxes would be
// worse than a clear 503. Loaded once and kept: a typeface is immutable and thread-safe.
public sealed class SheetFont(IConfiguration config, ILogger<SheetFont> log)
{
    static readonly string[] SystemDirs = ["/usr/share/fonts", "/usr/local/share/fonts"];
    static readonly string[] Preferred = ["NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf", "NotoSansSC-Regular.otf", "NotoSansCJK-Regular.otf"];

    readonly Lazy<SKTypeface?> typeface = new(() => Load(config["GridGov:PdfFont"], log));

    public SKTypeface? Typeface => typeface.Value;

    static SKTypeface? Load(string? configured, ILogger log)
    {
        var path = string.IsNullOrWhiteSpace(configured) ? FindSystemFont() : configured;
        if (path is null || !File.Exists(path))
        {
            log.LogWarning("办理单无法生成：未找到中文字体（{Path}）。请安装 fonts-noto-cjk 或在 GridGov:PdfFont 中配置字体文件", path ?? "系统字体目录");
            return null;
        }
        // A collection holds Japanese, Korean, Simplified and Traditional faces; the SC one draws
        // 骨、直、今 as a mainland reader expects.
        SKTypeface? first = null;
        for (var i = 0; i < 16; i++)
        {
            var face = SKTypeface.FromFile(path, i);
            if (face is null) break;
            if (face.FamilyName.Contains(" SC", StringComparison.Ordinal)) { first?.Dispose(); return face; }
            if (first is null) first = face; else face.Dispose();
        }
        return first;
    }

    static string? FindSystemFont()
    {
        var files = SystemDirs.Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories)).ToList();
        return Preferred.Select(name => files.FirstOrDefault(f => Path.GetFileName(f) == name)).FirstOrDefault(f => f is not null);
    }
}
