using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Audit;

public sealed record AuditField(string Name, string Before, string After);

public sealed record AuditDetail(AuditRow Record, List<AuditField> Fields, string Hash, string PrevHash);

// One audit record, field by field in Chinese; outside the caller's scope it is not found.
public sealed class GetAuditRecord(GridDbContext db)
{
    public async Task<Result<AuditDetail>> HandleAsync(long seq, CancellationToken ct = default)
    {
        if (await db.AuditRecords.AsNoTracking().FirstOrDefaultAsync(a => a.Seq == seq, ct) is not { } r) return Result<AuditDetail>.NotFound();
        var row = (await AuditRows.ReadAsync(db, [r], ct))[0];
        return Result<AuditDetail>.Ok(Detail(row, r));
    }

    public static AuditDetail Detail(AuditRow row, AuditRecord r) => new(row,
        AuditNaming.Fields(r.EntityType, r.Before, r.After).Select(f => new AuditField(f.Name, f.Before, f.After)).ToList(), r.Hash, r.PrevHash);
}
