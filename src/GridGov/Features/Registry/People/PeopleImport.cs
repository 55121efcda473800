using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.Codes;
using GridGov.Infrastructure.Crypto;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.People;

// 实有人口 through the import pipeline: each row checked (PersonCheck), its address matched to a
// standard address in the uploader's scope, then written by the keyed hash of its ID number: a new
// person is inserted (待核实, source = the batch), a known one updated where the file says otherwise, an
// equal one left alone. A person registered outside the uploader's scope is not touched: the row is
// quarantined with the reason. The numbers' hashes and ciphers (SM3, SM4: most of a row's CPU) are
// computed on all cores, once per row.
sealed class PeopleImport(CodeBook codes, PersonalData personal, AddressMatcher addresses, TimeProvider clock) : IImportTarget
{
    public string Key => "people";
    public string Name => "实有人口";
    public string EntityType => nameof(Person);
    public IReadOnlyList<ImportColumn> Columns => PersonCheck.Columns;

    public async Task<IReadOnlyList<RowOutcome>> WriteAsync(ImportContext context, IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        var db = context.Db;
        var checkedRows = rows.Select(r => (Row: r, Result: PersonCheck.Check(h => r[h], codes, context.Today))).ToList();
        var numbers = new PersonNumbers?[checkedRows.Count];
        Parallel.For(0, checkedRows.Count, i =>
        {
            if (checkedRows[i].Result.Problems.Count == 0) numbers[i] = PersonNumbers.Hash(personal, checkedRows[i].Result.Draft);
        });
        var seen = (AddressCache)(context.RunState.TryGetValue(nameof(AddressCache), out var c) ? c : context.RunState[nameof(AddressCache)] = new AddressCache());
        var matches = await addresses.MatchAsync(db, [.. checkedRows.Select(c => c.Result.Draft)], seen, ct);
        var hashes = numbers.OfType<PersonNumbers>().Select(n => n.IdHash).Distinct().ToList();
        // Unscoped on purpose: a person known elsewhere must be found to be refused, not inserted twice.
        var known = await db.Set<Person>().IgnoreQueryFilters().Where(p => EF.Parameter(hashes).Contains(p.IdHash)).ToDictionaryAsync(p => p.IdHash, ct);
        Parallel.For(0, numbers.Length, i =>
        {
            if (numbers[i] is { } n && !known.ContainsKey(n.IdHash)) n.Encrypt(personal);
        });
        var now = clock.GetUtcNow().UtcDateTime;
        var inserts = new Dictionary<string, Person>();
        var outcomes = new List<RowOutcome>(rows.Count);
        for (var i = 0; i < checkedRows.Count; i++)
        {
            var (row, (draft, problems)) = checkedRows[i];
            var place = matches[draft];
            if (place.Error is not null && !problems.Any(p => p.Field == place.Field)) problems.Add(new(place.Field!, place.Error));
            if (problems.Count > 0) { outcomes.Add(new(row.Number, RowResult.Rejected, problems)); continue; }
            var n = numbers[i]!;
            if (known.TryGetValue(n.IdHash, out var existing) || inserts.TryGetValue(n.IdHash, out existing))
            {
                if (!context.Scope.Contains(existing.GridCode))
                {
                    outcomes.Add(RowOutcome.Reject(row.Number, PersonCheck.IdNumber, "此人已登记在您的数据范围以外的地方，请联系其所在社区办理迁入迁出"));
                    continue;
                }
                var changed = PersonFields.Apply(existing, draft, place, n, personal);
                if (changed && !inserts.ContainsKey(n.IdHash))
                {
                    existing.UpdatedAt = now;
                    existing.ImportBatchId = context.Batch.Id;
                    existing.Version++;
                }
                outcomes.Add(new(row.Number, changed ? RowResult.Updated : RowResult.Unchanged, [], existing.GridCode));
                continue;
            }
            var person = new Person
            {
                IdType = "111", Source = RecordSource.Imported, SourceSystem = context.Batch.SourceSystem, ImportBatchId = context.Batch.Id,
                State = VerificationState.Pending, CreatedAt = now, UpdatedAt = now,
            };
            PersonFields.Apply(person, draft, place, n, personal);
            inserts[n.IdHash] = person;
            outcomes.Add(new(row.Number, RowResult.Inserted, [], person.GridCode));
        }
        if (inserts.Count > 0)
        {
            await using var writer = new BulkWriter<Person>(db);
            await writer.InsertManyAsync([.. inserts.Values], ct);
        }
        return outcomes;
    }
}
