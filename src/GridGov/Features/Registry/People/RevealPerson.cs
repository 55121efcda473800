using System.Text.Json;
using GridGov.Infrastructure.Crypto;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.People;

// Shows one person's full ID and phone numbers: needs registry.unmask (the endpoint's policy) and the
// person in scope (else 404), and every view is an audit record 查看完整号码 naming the person, never
// the numbers. A POST, so that no link, prefetch or browser history can unmask anything.
public sealed class RevealPerson(GridDbContext db, PersonalData personal, CurrentUser user)
{
    public const string Action = "Reveal";

    public async Task<Result<PersonSecrets>> HandleAsync(long id, CancellationToken ct = default)
    {
        if (!user.Has(Permissions.RegistryUnmask)) return Result<PersonSecrets>.Forbidden("您没有查看完整号码的权限");
        var p = await db.Set<Person>().AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.Id, p.IdCipher, p.PhoneCipher, p.GridCode, p.Name }).FirstOrDefaultAsync(ct);
        if (p is null) return Result<PersonSecrets>.NotFound();
        db.AuditSummary = new AuditSummary(Action, nameof(Person), p.Id.ToString(), p.GridCode,
            JsonSerializer.Serialize(new { fields = "公民身份号码、联系电话" }));
        await db.SaveChangesAsync(ct);
        return Result<PersonSecrets>.Ok(new(p.Id, personal.Decrypt(p.IdCipher), p.PhoneCipher is null ? null : personal.Decrypt(p.PhoneCipher)));
    }
}
