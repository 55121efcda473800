using GridGov.Infrastructure.Crypto;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Units;

// 新增单位: checked (UnitValidation), placed in the caller's scope, collected by the caller (待核实 until
// someone verifies it at the door), people's numbers encrypted.
public sealed class CreateUnit(GridDbContext db, UnitValidation validation, PersonalData personal, TimeProvider clock)
{
    public async Task<Result<UnitSaved>> HandleAsync(SaveUnitRequest r, CancellationToken ct = default)
    {
        var check = await validation.CheckAsync(r, null, ct);
        if (!check.Succeeded) return check.As<UnitSaved>();
        var (draft, place) = check.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var unit = new Unit { Source = RecordSource.Collected, State = VerificationState.Pending, CreatedAt = now, UpdatedAt = now, Version = 1 };
        UnitFields.Apply(unit, draft with { Fields = draft.Fields ?? new(StringComparer.Ordinal) }, place, personal);
        db.Add(unit);
        // Two clerks registering the same code at once: the unique index decides, the loser is told.
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) when (unit.CreditCode is not null)
        {
            return Result<UnitSaved>.Invalid("creditCode", "该统一社会信用代码刚刚已被登记，请刷新后查找该单位");
        }
        return Result<UnitSaved>.Created(new(unit.Id, unit.Version), $"/api/v1/registry/units/{unit.Id}");
    }
}
