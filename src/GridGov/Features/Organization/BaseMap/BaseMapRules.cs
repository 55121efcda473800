using System.Text.RegularExpressions;

namespace GridGov.Features.Organization.BaseMap;

// What a tile URL template must be: an absolute http(s) address with {z}, {x} and {y} (or TMS's
// {-y}), no placeholder Leaflet would not fill, and {s} only with subdomains to fill it. The same
// parse gives the origins the pages' policy lets images come from.
public static partial class BaseMapRules
{
    public const int MaxUrl = 500, MaxSubdomains = 40, MaxAttribution = 100, MinZoom = 1, MaxZoomLimit = 22;

    static readonly HashSet<string> Known = ["{z}", "{x}", "{y}", "{-y}", "{s}", "{r}", "{tk}"];

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[A-Za-z0-9]+(,[A-Za-z0-9]+)*$")]
    private static partial Regex SubdomainList();

    [GeneratedRegex(@"^[A-Za-z0-9]{8,64}$")]
    public static partial Regex KeyPattern();

    [GeneratedRegex(@"^[A-Za-z0-9.\-]+$|^\[[0-9A-Fa-f:.]+\]$")]
    private static partial Regex PlainHost();

    // Leaflet's reading: "abc" is a, b, c; "t1,t2" (our extension, split before Leaflet) is t1, t2.
    public static string[] SplitSubdomains(string? s) => string.IsNullOrEmpty(s) ? []
        : s.Contains(',') ? s.Split(',') : [.. s.Select(c => c.ToString())];

    // Null when the template is good; otherwise the Chinese reason. `label` names the field.
    public static string? Check(string label, string url, string? subdomains)
    {
        if (url.Length > MaxUrl) return $"{label}不能超过 {MaxUrl} 个字符";
        if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return $"{label}须以 http:// 或 https:// 开头";
        var unknown = Placeholder().Matches(url).Select(m => m.Value).Where(p => !Known.Contains(p)).Distinct().ToList();
        if (unknown.Count > 0) return $"{label}含有无法识别的占位符 {string.Join("、", unknown)}（可用 {{z}}、{{x}}、{{y}}、{{s}}、{{tk}}）";
        var missing = new[] { "{z}", "{x}", "{y}" }.Where(p => !url.Contains(p) && !(p == "{y}" && url.Contains("{-y}"))).ToList();
        if (missing.Count > 0) return $"{label}须含 {{z}}、{{x}}、{{y}} 三个占位符，缺少 {string.Join("、", missing)}";
        if (url.Contains("{s}") && SplitSubdomains(subdomains).Length == 0) return $"{label}含 {{s}}，须填写子域名（如 abc 或 01234567）";
        return Origins(url, subdomains).Count == 0 ? $"{label}不是有效的网址" : null;
    }

    public static string? CheckSubdomains(string? s) =>
        string.IsNullOrEmpty(s) || (s.Length <= MaxSubdomains && SubdomainList().IsMatch(s)) ? null
            : $"子域名只能由字母和数字组成（如 abc、01234567，或以逗号分隔的 t1,t2），不超过 {MaxSubdomains} 个字符";

    // Every origin the template can reach (one per subdomain when {s} is in the host), as CSP
    // sources rebuilt from the parsed address; empty when the template is no valid address.
    public static IReadOnlyList<string> Origins(string url, string? subdomains)
    {
        var subs = url.Contains("{s}") ? SplitSubdomains(subdomains) : [""];
        var origins = new List<string>();
        foreach (var s in subs)
        {
            var sample = url.Replace("{s}", s).Replace("{z}", "1").Replace("{x}", "1").Replace("{-y}", "1").Replace("{y}", "1")
                .Replace("{r}", "").Replace("{tk}", "0");
            if (!Uri.TryCreate(sample, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || uri.UserInfo.Length > 0 || !PlainHost().IsMatch(uri.Host)) return [];
            origins.Add(uri.IsDefaultPort ? $"{uri.Scheme}://{uri.Host}" : $"{uri.Scheme}://{uri.Host}:{uri.Port}");
        }
        return [.. origins.Distinct()];
    }
}
