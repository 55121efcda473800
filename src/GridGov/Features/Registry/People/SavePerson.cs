using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.Codes;
using GridGov.Infrastructure.Crypto;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.People;

// A person as a form or an API client sends it: coded fields by name or code (汉族 or 01), residency
// by its Chinese name, the address as standard-address text (or a grid code). On an edit, an empty ID
// or phone number keeps the stored one: a client only ever has the masked forms.
public sealed record PersonForm(
    string? Name = null, string? IdNumber = null, string? Residency = null, string? Address = null, string? Community = null, string? GridCode = null,
    string? Phone = null, string? Gender = null, string? BirthDate = null, string? Ethnicity = null, string? NativePlace = null, string? Marital = null,
    string? Political = null, string? Education = null, string? Occupation = null, string? Workplace = null, string? RegisteredPlace = null,
    string? RegisteredAddress = null, string? FormerName = null, int? Version = null);

public sealed record PersonSaved(long Id, int Version);

// Registers a person collected by hand (source 采集, 待核实 until verified at the door) or corrects one:
// the same rules as an import row (PersonCheck), the address matched to a standard address in the
// caller's scope, one person per ID number city-wide. Errors are keyed by the form's field names and
// say in Chinese what is wrong; someone registered outside the caller's area is not named.
public sealed class SavePerson(GridDbContext db, CodeBook codes, PersonalData personal, AddressMatcher addresses, CurrentUser user, TimeProvider clock)
{
    // The form's field → the Chinese field name PersonCheck speaks.
    static readonly (string Field, string Name, Func<PersonForm, string?> Value)[] Fields =
    [
        ("name", PersonCheck.Name, f => f.Name), ("idNumber", PersonCheck.IdNumber, f => f.IdNumber), ("residency", PersonCheck.Residency, f => f.Residency),
        ("address", PersonCheck.Address, f => f.Address), ("community", PersonCheck.Community, f => f.Community), ("gridCode", PersonCheck.GridCode, f => f.GridCode),
        ("phone", PersonCheck.Phone, f => f.Phone), ("gender", PersonCheck.Gender, f => f.Gender), ("birthDate", PersonCheck.BirthDate, f => f.BirthDate),
        ("ethnicity", PersonCheck.Ethnicity, f => f.Ethnicity), ("nativePlace", PersonCheck.NativePlace, f => f.NativePlace),
        ("marital", PersonCheck.Marital, f => f.Marital), ("political", PersonCheck.Political, f => f.Political), ("education", PersonCheck.Education, f => f.Education),
        ("occupation", PersonCheck.Occupation, f => f.Occupation), ("workplace", PersonCheck.Workplace, f => f.Workplace),
        ("registeredPlace", PersonCheck.RegisteredPlace, f => f.RegisteredPlace), ("registeredAddress", PersonCheck.RegisteredAddress, f => f.RegisteredAddress),
        ("formerName", PersonCheck.FormerName, f => f.FormerName),
    ];

    public Task<Result<PersonSaved>> CreateAsync(PersonForm form, CancellationToken ct = default) => SaveAsync(null, form, ct);

    public Task<Result<PersonSaved>> UpdateAsync(long id, PersonForm form, CancellationToken ct = default) => SaveAsync(id, form, ct);

    async Task<Result<PersonSaved>> SaveAsync(long? id, PersonForm form, CancellationToken ct)
    {
        Person? person = null;
        if (id is { } key)
        {
            person = await db.Set<Person>().FirstOrDefaultAsync(p => p.Id == key, ct);
            if (person is null) return Result<PersonSaved>.NotFound();
            if (form.Version is { } v && v != person.Version)
                return Result<PersonSaved>.Conflict("该人员已被他人修改，请刷新后再保存", extensions: new Dictionary<string, object?> { ["version"] = person.Version });
        }
        // Kept numbers are read back here only, to be checked with the rest; they never leave the server.
        var idNumber = string.IsNullOrWhiteSpace(form.IdNumber) && person is not null ? personal.Decrypt(person.IdCipher) : form.IdNumber;
        var phone = string.IsNullOrWhiteSpace(form.Phone) && person?.PhoneCipher is { } pc ? personal.Decrypt(pc) : form.Phone;
        var values = Fields.ToDictionary(f => f.Name, f => Infrastructure.Import.ImportCleaning.Value(f.Value(form) ?? ""));
        values[PersonCheck.IdNumber] = Infrastructure.Import.ImportCleaning.Value(idNumber ?? "");
        values[PersonCheck.Phone] = Infrastructure.Import.ImportCleaning.Value(phone ?? "");
        var today = Infrastructure.ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);
        var (draft, problems) = PersonCheck.Check(name => values.GetValueOrDefault(name, ""), codes, today);
        var place = (await addresses.MatchAsync(db, [draft], null, ct))[draft];
        if (place.Error is not null && !problems.Any(p => p.Field == place.Field)) problems.Add(new(place.Field!, place.Error));
        if (problems.Count > 0)
            return Result<PersonSaved>.Invalid(problems.GroupBy(p => FieldOf(p.Field)).ToDictionary(g => g.Key, g => g.Select(p => $"{p.Field}：{p.Reason}").ToArray()));

        var numbers = PersonNumbers.Hash(personal, draft);
        var holder = await db.Set<Person>().IgnoreQueryFilters().Where(p => p.IdHash == numbers.IdHash)
            .Select(p => new { p.Id, p.Name, p.GridCode }).FirstOrDefaultAsync(ct);
        if (holder is not null && holder.Id != id)
            return user.Scope.Contains(holder.GridCode)
                ? Result<PersonSaved>.Conflict($"该公民身份号码已登记为“{holder.Name}”，请在其详情页修改", "人员已登记",
                    new Dictionary<string, object?> { ["id"] = holder.Id })
                : Result<PersonSaved>.Conflict("此人已登记在您的数据范围以外的地方，请联系其所在社区办理迁入迁出", "人员已登记");

        var now = clock.GetUtcNow().UtcDateTime;
        if (person is null)
        {
            person = new Person { IdType = "111", Source = RecordSource.Collected, SourceSystem = "人工采集", State = VerificationState.Pending, CreatedAt = now, UpdatedAt = now };
            db.Add(person);
        }
        if (PersonFields.Apply(person, draft, place, numbers, personal) || db.Entry(person).State == EntityState.Added)
        {
            person.UpdatedAt = now;
            if (db.Entry(person).State != EntityState.Added) person.Version++;
            await db.SaveChangesAsync(ct);
        }
        return id is null
            ? Result<PersonSaved>.Created(new(person.Id, person.Version), $"/api/v1/registry/people/{person.Id}")
            : Result<PersonSaved>.Ok(new(person.Id, person.Version));
    }

    static string FieldOf(string chinese) => Fields.FirstOrDefault(f => f.Name == chinese).Field ?? "address";
}
