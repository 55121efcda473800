namespace GridGov.Features.Organization.Import;

public sealed record ImportIssue(string File, int? Line, string Message)
{
    public override string ToString() => Line is { } l ? $"{File} 第 {l} 行：{Message}" : $"{File}：{Message}";
}

// What an import found and did. Errors stop the import before anything is written; warnings are the
// real-world mismatches between sources, imported around and reported.
public sealed class ImportReport
{
    public List<ImportIssue> Errors { get; } = [];
    public List<ImportIssue> Warnings { get; } = [];
    public List<string> Notes { get; } = [];
    public Dictionary<OrgLevel, int> Counts { get; } = [];
    public bool Succeeded => Errors.Count == 0;
    public TimeSpan Elapsed { get; set; }

    public void Error(string file, int? line, string message) => Errors.Add(new(file, line, message));
    public void Warn(string file, int? line, string message) => Warnings.Add(new(file, line, message));

    public IEnumerable<string> Lines()
    {
        if (Succeeded)
            yield return $"导入完成：{string.Join("，", Counts.Select(c => $"{OrgCode.LevelName(c.Key)} {c.Value} 个"))}（用时 {Elapsed.TotalSeconds:0.0} 秒）";
        else
            yield return $"导入失败：发现 {Errors.Count} 处错误，未写入任何数据。";
        foreach (var e in Errors) yield return "错误 " + e;
        foreach (var w in Warnings) yield return "提示 " + w;
        foreach (var n in Notes) yield return "说明 " + n;
    }
}
