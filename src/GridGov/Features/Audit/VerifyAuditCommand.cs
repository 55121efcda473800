using GridGov.Infrastructure.Cli;
using GridGov.Infrastructure.Database;

namespace GridGov.Features.Audit;

// `gridgov verify-audit`: exit 1 names the first altered or missing record.
static class VerifyAuditCommand
{
    public static readonly CliCommand Command = new("verify-audit", "", async (sp, _, output) =>
    {
        var result = await sp.GetRequiredService<VerifyAudit>().RunAsync();
        output.WriteLine(result.Message);
        return result.Intact ? 0 : 1;
    });

    // `gridgov reanchor-audit`: the operator's deliberate step after an anchor file was lost (ADR 0004):
    // anchors the chain as it stands, its newest keyed stretch checked with the key. An existing
    // anchor file is never replaced here.
    public static readonly CliCommand Reanchor = new("reanchor-audit", "", async (sp, _, output) =>
    {
        var keys = sp.GetRequiredService<GridDatabase>().AuditKeys;
        if (File.Exists(keys.AnchorFile))
        {
            output.WriteLine($"锚点文件 {keys.AnchorFile} 已存在，未重新建立；如确需重建，请先查明原因并将其移走");
            return 1;
        }
        var outcome = await sp.GetRequiredService<AuditAnchoring>().AnchorAsync(afresh: true);
        var (anchor, _) = AuditAnchor.Read(keys.AnchorFile, keys.Load());
        output.WriteLine(outcome switch
        {
            AnchorOutcome.Anchored => $"已重新建立锚点文件 {keys.AnchorFile}：审计链当前末尾第 {anchor?.Seq} 条；此前被删除的末尾记录已无法发现",
            AnchorOutcome.Empty or AnchorOutcome.NoKey => "审计链为空或尚无审计密钥，无需建立锚点",
            _ => "未能建立锚点：审计链校验不通过，请先运行 gridgov verify-audit",
        });
        return outcome == AnchorOutcome.Anchored ? 0 : 1;
    });
}
