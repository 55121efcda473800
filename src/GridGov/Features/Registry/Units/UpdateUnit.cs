using GridGov.Infrastructure.Crypto;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Units;

// 修改单位: the unit must be in the caller's scope (404 otherwise), the request must carry the version
// it was read at (a stale one is a conflict, never a silent overwrite), and the new values pass the same
// checks as a new unit. Numbers left empty keep what is registered.
public sealed class UpdateUnit(GridDbContext db, UnitValidation validation, PersonalData personal, TimeProvider clock)
{
    public async Task<Result<UnitSaved>> HandleAsync(long id, SaveUnitRequest r, CancellationToken ct = default)
    {
        var unit = await db.Set<Unit>().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return Result<UnitSaved>.NotFound();
        if (r.Version is not { } version) return Result<UnitSaved>.Invalid("version", "缺少版本号（version）：请先读取该单位再修改");
        if (version != unit.Version) return Stale(unit.Version);
        var check = await validation.CheckAsync(r, id, ct);
        if (!check.Succeeded) return check.As<UnitSaved>();
        var (draft, place) = check.Value;
        if (UnitFields.Apply(unit, draft, place, personal))
        {
            unit.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            unit.Version++;
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Stale(null); }
        }
        return Result<UnitSaved>.Ok(new(unit.Id, unit.Version));
    }

    static Result<UnitSaved> Stale(int? current) =>
        Result<UnitSaved>.Conflict("该单位已被他人修改，请刷新后再修改", extensions: current is null ? null : new Dictionary<string, object?> { ["version"] = current });
}
