using GridGov.Infrastructure.Database;

namespace GridGov.Features.Analytics.Keywords;

// How the keyword index reads in the audit log. Its rows are derived from the tickets and written
// without the change tracker; only a rebuild, which someone asks for, is recorded.
sealed class KeywordAuditNames : AuditNames
{
    public const string RebuildAction = "KeywordRebuild";

    public override IEnumerable<(string Action, string Name)> Actions() => [(RebuildAction, "重建热点关键词索引")];

    public override IEnumerable<AuditEntity> Entities() =>
    [
        new(nameof(KeywordTerm), "关键词") { Properties = new() { ["Id"] = "编号", ["Text"] = "词语" } },
        new(nameof(TicketKeyword), "工单关键词")
        {
            Properties = new() { ["Id"] = "编号", ["TicketId"] = "工单", ["TermId"] = "关键词", ["GridCode"] = "网格编码", ["Day"] = "上报日期" },
        },
        new(nameof(KeywordCount), "关键词件数")
        {
            Properties = new()
            {
                ["Id"] = "编号", ["UnitCode"] = "单位编码", ["Monthly"] = "按月", ["Date"] = "日期", ["TermId"] = "关键词", ["Tickets"] = "件数",
            },
        },
        new(nameof(KeywordIndexState), "热点关键词索引")
        {
            Properties = new()
            {
                ["Id"] = "编号", ["Version"] = "词表版本", ["LastTicketId"] = "已索引至工单", ["RolledUpTo"] = "已汇总至", ["DirtyDays"] = "待重新汇总的日期",
                ["DirtyMonths"] = "待汇总的月份", ["Revision"] = "修订号", ["UpdatedAt"] = "更新时间", ["version"] = "词表版本",
            },
        },
    ];
}
