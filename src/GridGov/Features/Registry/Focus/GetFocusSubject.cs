using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Focus;

// One subject with the person's masked base block and their record of the same class; 404 outside the
// caller's area and, for a special kind, without registry.special (the filter decides both).
public sealed class GetFocusSubject(GridDbContext db, ListFocusSubjects list, MaskedPeople people)
{
    public async Task<Result<FocusDetail>> HandleAsync(long id, CancellationToken ct = default)
    {
        var row = await list.Rows(db.Set<FocusSubject>().AsNoTracking().Where(s => s.Id == id)).FirstOrDefaultAsync(ct);
        if (row is null) return Result<FocusDetail>.NotFound();
        var s = row.S;
        var person = await people.OneAsync(s.PersonId, ct);
        if (person is null) return Result<FocusDetail>.NotFound();
        var record = await db.Set<PersonClassRecord>().AsNoTracking().Where(r => r.PersonId == s.PersonId && r.Class == s.Kind).FirstOrDefaultAsync(ct);
        var classRow = record is null ? null : PersonClassRow.Of(record, FocusKinds.Name(record.Class));
        return Result<FocusDetail>.Ok(new(await list.RowAsync(row, ct), person, classRow, s.StateByName, s.StateAt, s.CreatedAt, s.UpdatedAt,
            s.Source, RegistryNames.Source(s.Source), s.SourceSystem));
    }
}
