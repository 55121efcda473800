using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Audit;

// The whole chain is checked, records outside any scope included, so only an all-data account may
// ask; the command line (`verify-audit`) runs VerifyAudit itself.
public sealed class VerifyAuditChain(CurrentUser caller, VerifyAudit verify)
{
    public async Task<Result<AuditVerification>> HandleAsync(CancellationToken ct = default) => caller.Scope.IsAll
        ? Result<AuditVerification>.Ok(await verify.RunAsync(ct))
        : Result<AuditVerification>.Forbidden("只有数据范围为“全部数据”的账号可以校验审计链");
}
