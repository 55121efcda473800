using GridGov.Infrastructure.Cli;

namespace GridGov.Features.Analytics.Rollups;

// `gridgov rebuild-tallies`: recompute the rollups from the raw rows, after a restore from an
// older backup or a bulk change made outside the application.
static class RebuildTalliesCommand
{
    public static readonly CliCommand Command = new("rebuild-tallies", "", async (sp, _, output) =>
    {
        output.WriteLine("正在从原始记录重新计算汇总表……");
        var report = await sp.GetRequiredService<RebuildTallies>().RunAsync();
        output.WriteLine($"汇总表已重建：事件 {report.Tickets:N0} 件，基础信息 {report.Records:N0} 条，用时 {report.Took.TotalSeconds:0.0} 秒");
        return 0;
    });
}
