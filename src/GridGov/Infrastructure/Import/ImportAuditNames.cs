using GridGov.Infrastructure.Database;

namespace GridGov.Infrastructure.Import;

// How import batches read in the audit log. Quarantined rows are written with their chunk's Import
// record, whose fields are named here too.
sealed class ImportAuditNames : AuditNames
{
    public override IEnumerable<AuditEntity> Entities() =>
    [
        new(nameof(ImportBatch), "导入批次")
        {
            Properties = new()
            {
                ["Id"] = "批次号", ["Target"] = "导入对象代码", ["TargetName"] = "导入对象", ["FileName"] = "文件名", ["FileSha256"] = "文件摘要", ["Format"] = "格式", ["Encoding"] = "编码",
                ["SourceSystem"] = "来源系统", ["State"] = "状态", ["Error"] = "错误", ["TotalRows"] = "总行数", ["DoneRows"] = "已处理行数",
                ["Inserted"] = "新增", ["Updated"] = "更新", ["Unchanged"] = "未变", ["Rejected"] = "未通过", ["GridCode"] = "所属单位编码",
                ["CreatedById"] = "导入人编号", ["CreatedByName"] = "导入人", ["CreatedByUnit"] = "导入人单位", ["ScopeJson"] = "数据范围",
                ["CreatedAt"] = "上传时间", ["FinishedAt"] = "完成时间",
            },
            Hidden = ["ScopeJson", "Target"],
            Values = new() { ["State"] = v => Enum.TryParse<ImportState>(v, out var s) ? ImportBatchView.NameOf(s) : null },
        },
        new(nameof(ImportIssue), "未通过的导入行")
        {
            Properties = new() { ["Id"] = "编号", ["BatchId"] = "批次号", ["RowNumber"] = "行号", ["Field"] = "字段", ["Reason"] = "原因", ["RowCipher"] = "行内容（密文）", ["GridCode"] = "所属单位编码" },
            Hidden = ["RowCipher"],
        },
    ];
}
