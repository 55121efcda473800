using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.People;

// The person classes of GB/T 31000-2015 (its table numbers as keys) and the local extensions kept
// apart from them (the standard's "9+X"). Special ones (特殊人群, 重点青少年 and the local focus groups
// of that kind) need registry.special even to be listed.
public static class PersonClasses
{
    public sealed record Definition(string Key, string Name, bool Special, bool Standard);

    public static readonly Definition[] All =
    [
        new("T12", "户籍人口", false, true), new("T13", "流动人口", false, true), new("T14", "留守人员", false, true), new("T15", "境外人员", false, true),
        new("T17", "刑满释放人员", true, true), new("T18", "社区矫正人员", true, true), new("T19", "严重精神障碍患者", true, true),
        new("T20", "吸毒人员", true, true), new("T21", "艾滋病危险人员", true, true), new("T22", "重点青少年", true, true),
        new("X01", "信访人员", true, false), new("X02", "独居老人", false, false), new("X03", "困难群众", false, false), new("X04", "残疾人", false, false),
    ];

    public static Definition? Find(string key) => All.FirstOrDefault(d => d.Key == key);
}

// Version: what a correction sends back, so that two edits of one record never silently overwrite each other.
public sealed record PersonClassRow(long Id, string Class, string Name, bool Special, bool Standard, string Fields, VerificationState State, string StateName, int Version = 0)
{
    // A record as readers get it, wherever it is read: the ciphertexts of other people's numbers stay
    // on the server (the masked forms are shown).
    public static PersonClassRow Of(PersonClassRecord r, string name) => new(r.Id, r.Class, name, r.Special, PersonClasses.Find(r.Class)?.Standard ?? false,
        System.Text.Json.JsonSerializer.Serialize(SavePersonClass.Shown(SavePersonClass.Read(r.Fields))), r.State, RegistryNames.State(r.State), r.Version);
}

// A person's class records, within the data scope and, for special ones, the permission (the filter
// decides; this use case cannot forget it).
public sealed class ListPersonClasses(GridDbContext db)
{
    public async Task<Result<List<PersonClassRow>>> HandleAsync(long personId, CancellationToken ct = default)
    {
        if (!await db.Set<Person>().AnyAsync(p => p.Id == personId, ct)) return Result<List<PersonClassRow>>.NotFound();
        var rows = await db.Set<PersonClassRecord>().AsNoTracking().Where(r => r.PersonId == personId).OrderBy(r => r.Class).ToListAsync(ct);
        return Result<List<PersonClassRow>>.Ok([.. rows.Select(r => PersonClassRow.Of(r, PersonClasses.Find(r.Class)?.Name ?? r.Class))]);
    }
}
