using GridGov.Infrastructure.Database;

namespace GridGov.Features.Audit;

// The audit log's own record: the key that starts a keyed stretch of the chain (ADR 0004).
sealed class AuditAuditNames : AuditNames
{
    public override IEnumerable<AuditEntity> Entities() =>
    [
        new(nameof(AuditRecord), "审计日志"),
        new(AuditChain.KeyEntity, "审计密钥") { Properties = new() { ["Algorithm"] = "算法", ["KeyId"] = "密钥编号", ["PreviousKeyId"] = "上一密钥编号" } },
    ];
}
