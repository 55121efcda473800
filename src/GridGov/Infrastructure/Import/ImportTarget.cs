using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;

namespace GridGov.Infrastructure.Import;

// A column of an import format: its Chinese header (and other headers people use for it), whether it
// must be filled, and what goes in it; the template and the documentation are made from these.
public sealed record ImportColumn(string Header, bool Required, string Format, string Example, params string[] Aliases);

// A row of the file after the shared cleaning: its line number in the file (the header is line 1) and
// its values by column header ("" when empty or missing).
public sealed record ImportRow(int Number, IReadOnlyDictionary<string, string> Values)
{
    public string this[string header] => Values.GetValueOrDefault(header, "");
}

public enum RowResult { Inserted, Updated, Unchanged, Rejected }

public sealed record RowProblem(string Field, string Reason);

public sealed record RowOutcome(int Number, RowResult Result, IReadOnlyList<RowProblem> Problems, long GridCode = 0)
{
    public static RowOutcome Reject(int number, string field, string reason) => new(number, RowResult.Rejected, [new(field, reason)]);
}

// What the target writes with: the batch's context (the uploader's scope, audited as one Import
// record per chunk), the batch, the China date rows are checked against, and what the target keeps
// from one chunk to the next of the same run (lookups it need not repeat).
public sealed record ImportContext(GridDbContext Db, ImportBatch Batch, DataScope Scope, DateOnly Today, IDictionary<string, object> RunState);

// An entity that can be imported (people, houses, addresses …): the pipeline reads, cleans, chunks,
// quarantines, counts and resumes; the target checks each row and writes what it accepts. Areas register
// theirs as IImportTarget; the data hub feeds other systems' rows through the same targets.
public interface IImportTarget
{
    string Key { get; }
    string Name { get; }
    // The audited entity type the Import records name.
    string EntityType { get; }
    IReadOnlyList<ImportColumn> Columns { get; }
    // Each row once, in order; rows of one chunk may depend on each other (the same person twice).
    Task<IReadOnlyList<RowOutcome>> WriteAsync(ImportContext context, IReadOnlyList<ImportRow> rows, CancellationToken ct);
}
