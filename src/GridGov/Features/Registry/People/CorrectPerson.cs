using GridGov.Infrastructure.Crypto;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.Text;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.People;

public sealed record PersonCorrection(int? Version, string? Phone, string? Occupation, string? Workplace);

// 有误已更正 at the door: what a resident tells the grid worker has changed — a new phone number,
// another job or workplace — written together with the verification, in one save. Fields left empty
// stay as they were; anything more is corrected in the office's person form.
public sealed class CorrectPerson(GridDbContext db, CurrentUser user, PersonalData personal, TimeProvider clock)
{
    public async Task<Result<Verified>> HandleAsync(long id, PersonCorrection r, CancellationToken ct = default)
    {
        var person = await db.Set<Person>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return Result<Verified>.NotFound();
        if (r.Version is { } v && v != person.Version)
            return Result<Verified>.Conflict("该人员已被他人修改，请刷新后再更正", extensions: new Dictionary<string, object?> { ["version"] = person.Version });
        var errors = new Dictionary<string, string[]>();
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(r.Phone))
        {
            (phone, var error) = Phones.Normalize(r.Phone);
            if (error is not null) errors["phone"] = [$"联系电话：{error}"];
        }
        var occupation = CleanText.Line(r.Occupation)?.Trim();
        var workplace = CleanText.Line(r.Workplace)?.Trim();
        if (occupation?.Length > 30) errors["occupation"] = ["职业不能超过 30 字"];
        if (workplace?.Length > 100) errors["workplace"] = ["服务处所不能超过 100 字"];
        if (phone is null && string.IsNullOrEmpty(occupation) && string.IsNullOrEmpty(workplace) && errors.Count == 0)
            errors["phone"] = ["请填写更正的内容（联系电话、职业或服务处所）"];
        if (errors.Count > 0) return Result<Verified>.Invalid(errors);

        if (phone is not null && PersonNumbers.PhoneHashOf(personal, phone) is var hash && hash != person.PhoneHash)
            (person.PhoneCipher, person.PhoneHash, person.PhoneMasked) = (personal.Encrypt(phone), hash, Phones.Mask(phone));
        if (!string.IsNullOrEmpty(occupation)) person.Occupation = occupation;
        if (!string.IsNullOrEmpty(workplace)) person.Workplace = workplace;
        var now = clock.GetUtcNow().UtcDateTime;
        person.State = VerificationState.Corrected;
        (person.StateById, person.StateByName, person.StateAt, person.UpdatedAt) = (user.UserId, user.DisplayName, now, now);
        person.Version++;
        await db.SaveChangesAsync(ct);
        return Result<Verified>.Ok(new(person.Id, person.State, RegistryNames.State(person.State), person.StateByName, person.StateAt, person.Version));
    }
}
