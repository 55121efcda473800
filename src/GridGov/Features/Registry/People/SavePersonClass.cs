using System.Text.Json;
using GridGov.Features.Registry.Codes;
using GridGov.Infrastructure.Crypto;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.People;

public sealed record PersonClassRequest(Dictionary<string, string>? Fields, int? Version = null);

public sealed record PersonClassSaved(long Id, string Class, string Name, Dictionary<string, string> Fields, List<string> Missing, int Version);

// Puts a person in a class (户籍, 流动 … 社区矫正, 信访 …) or corrects the class's fields, checked against
// GB/T 31000 (ClassFields). The person must be in the caller's area (404); a special class needs
// registry.special; an empty value clears its field; mandatory fields still empty are answered as
// `missing`, not refused.
public sealed class SavePersonClass(GridDbContext db, ClassFields classFields, CodeBook codes, PersonalData personal, CurrentUser user, TimeProvider clock)
{
    public async Task<Result<PersonClassSaved>> HandleAsync(long personId, string classKey, PersonClassRequest r, CancellationToken ct = default)
    {
        var person = await db.Set<Person>().AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.Id, p.GridCode }).FirstOrDefaultAsync(ct);
        if (person is null) return Result<PersonClassSaved>.NotFound();
        if (PersonClasses.Find(classKey) is not { } definition)
            return Result<PersonClassSaved>.Invalid("class", $"“{classKey}”不是人员类别（{string.Join("、", PersonClasses.All.Select(c => $"{c.Key} {c.Name}"))}）");
        if (definition.Special && !user.Scope.SeesRestricted) return Result<PersonClassSaved>.Forbidden($"登记{definition.Name}需要“查看特殊人群”权限");
        var record = await db.Set<PersonClassRecord>().FirstOrDefaultAsync(c => c.PersonId == personId && c.Class == classKey, ct);
        if (record is not null && r.Version is { } v && v != record.Version)
            return Result<PersonClassSaved>.Conflict("该类别信息已被他人修改，请刷新后再保存", extensions: new Dictionary<string, object?> { ["version"] = record.Version });
        var current = record is null ? null : Read(record.Fields);
        var today = Infrastructure.ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);
        var result = classFields.Check(classKey, r.Fields ?? [], current, codes, personal, today);
        if (result.Problems.Count > 0)
            return Result<PersonClassSaved>.Invalid(result.Problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Reason).ToArray()));
        if (current is not null) classFields.KeepCiphers(result.Fields, current, personal);
        var json = classFields.Serialize(result.Fields, classKey);
        var now = clock.GetUtcNow().UtcDateTime;
        if (record is null)
        {
            record = new PersonClassRecord
            {
                PersonId = personId, Class = classKey, Special = definition.Special, GridCode = person.GridCode, Fields = json,
                Source = RecordSource.Collected, SourceSystem = "人工采集", State = VerificationState.Pending, CreatedAt = now, UpdatedAt = now,
            };
            db.Add(record);
            await db.SaveChangesAsync(ct);
        }
        else if (record.Fields != json)
        {
            record.Fields = json;
            record.UpdatedAt = now;
            record.Version++;
            await db.SaveChangesAsync(ct);
        }
        return Result<PersonClassSaved>.Ok(new(record.Id, classKey, definition.Name, Shown(result.Fields), result.Missing, record.Version));
    }

    public static Dictionary<string, string> Read(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    // What a page or client sees: the masked values, never the ciphertexts kept beside them.
    public static Dictionary<string, string> Shown(IReadOnlyDictionary<string, string> fields) =>
        fields.Where(f => !f.Key.EndsWith(ClassFields.CipherSuffix, StringComparison.Ordinal)).ToDictionary(f => f.Key, f => f.Value);
}
