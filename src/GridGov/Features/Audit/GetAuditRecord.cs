using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Audit;

// One audit record; outside the caller's scope it is not found.
public sealed class GetAuditRecord(GridDbContext db)
{
    public async Task<Result<AuditRecord>> HandleAsync(long seq, CancellationToken ct = default) =>
        await db.AuditRecords.AsNoTracking().FirstOrDefaultAsync(a => a.Seq == seq, ct) is { } r
            ? Result<AuditRecord>.Ok(r) : Result<AuditRecord>.NotFound();
}
