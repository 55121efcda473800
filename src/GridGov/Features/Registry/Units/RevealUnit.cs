using System.Text.Json;
using GridGov.Infrastructure.Crypto;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Units;

// Shows one unit's full numbers of its people (法定代表人 ID and phone, 治保负责人 phone): needs
// registry.unmask and the unit in scope (else 404); every view is an audit record 查看完整号码 naming
// the unit, never the numbers. A POST, as for a person.
public sealed class RevealUnit(GridDbContext db, PersonalData personal, CurrentUser user)
{
    public async Task<Result<UnitSecrets>> HandleAsync(long id, CancellationToken ct = default)
    {
        if (!user.Has(Permissions.RegistryUnmask)) return Result<UnitSecrets>.Forbidden("您没有查看完整号码的权限");
        var u = await db.Set<Unit>().AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.Id, u.GridCode, u.LegalRepIdCipher, u.LegalRepPhoneCipher, u.SecurityPhoneCipher }).FirstOrDefaultAsync(ct);
        if (u is null) return Result<UnitSecrets>.NotFound();
        db.AuditSummary = new AuditSummary(People.RevealPerson.Action, nameof(Unit), u.Id.ToString(), u.GridCode,
            JsonSerializer.Serialize(new { fields = "法定代表人证件号码、法定代表人电话、治保负责人电话" }));
        await db.SaveChangesAsync(ct);
        string? Read(string? cipher) => cipher is null ? null : personal.Decrypt(cipher);
        return Result<UnitSecrets>.Ok(new(u.Id, Read(u.LegalRepIdCipher), Read(u.LegalRepPhoneCipher), Read(u.SecurityPhoneCipher)));
    }
}
