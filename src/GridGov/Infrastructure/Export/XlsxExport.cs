using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace GridGov.Infrastructure.Export;

// One column of an export: its Chinese header, how a row gives its cell, and its width in characters.
public sealed record XlsxColumn<T>(string Header, Func<T, object?> Value, double Width = 14);

// Every table's "导出 Excel": the rows of the caller's current filter (all pages, in the caller's scope —
// the query comes from the list's own use case) written to an XLSX file, audited as one "Export"
// record. MiniExcel writes row by row from the enumerable, so memory stays flat however many rows
// (bench/ measures 100,000); the file goes to a temporary file first so that an error half-way
// answers a ProblemDetails, not a truncated download.
public sealed class XlsxExport(GridDbContext db, CurrentUser user)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Excel's own limit is 1,048,576 rows a sheet.
    public const int MaxRows = 1_000_000;

    // `rows` is enumerated once, synchronously (EF's sync enumeration, off the request thread);
    // `what` names the export in the audit trail and the file name ("工单"), `filter` says which rows.
    public async Task<IResult> FileAsync<T>(IEnumerable<T> rows, IReadOnlyList<XlsxColumn<T>> columns,
        string entityType, string what, string filter, CancellationToken ct)
    {
        var path = Path.GetTempFileName();
        var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            var count = await Task.Run(() => Write(file, rows.Take(MaxRows), columns, ct), ct);
            // Filed under the exporter's own unit, where their area's auditors look.
            db.AuditSummary = new AuditSummary("Export", entityType, what, user.UnitCode > 0 ? OrgCode.Pad(user.UnitCode) : 0,
                System.Text.Json.JsonSerializer.Serialize(new { rows = count, filter }));
            await db.SaveChangesAsync(ct);
            file.Position = 0;
            var name = $"{what}-{ChinaTime.FromUtc(DateTime.UtcNow):yyyyMMdd-HHmm}.xlsx";
            return Results.File(file, ContentType, name);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    // Writes the sheet and answers how many rows it holds. Also used by bench/ on a plain stream.
    public static int Write<T>(Stream stream, IEnumerable<T> rows, IReadOnlyList<XlsxColumn<T>> columns, CancellationToken ct = default)
    {
        var count = 0;
        var config = new OpenXmlConfiguration
        {
            DynamicColumns = [.. columns.Select((c, i) => new DynamicExcelColumn(Key(i)) { Name = c.Header, Width = c.Width, Index = i })],
            TableStyles = TableStyles.None,
        };
        IEnumerable<IDictionary<string, object?>> Cells()
        {
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                count++;
                var cells = new Dictionary<string, object?>(columns.Count);
                for (var i = 0; i < columns.Count; i++) cells[Key(i)] = columns[i].Value(row);
                yield return cells;
            }
        }
        // MiniExcel writes no header for no rows: an empty export still shows its columns.
        using var cells = Cells().GetEnumerator();
        if (!cells.MoveNext())
        {
            MiniExcel.SaveAs(stream, new[] { columns.Select((c, i) => (Key(i), (object?)c.Header)).ToDictionary(x => x.Item1, x => x.Item2) },
                printHeader: false, configuration: config);
            return 0;
        }
        MiniExcel.SaveAs(stream, Rest(cells), configuration: config);
        return count;
    }

    static IEnumerable<IDictionary<string, object?>> Rest(IEnumerator<IDictionary<string, object?>> e)
    {
        do yield return e.Current; while (e.MoveNext());
    }

    static string Key(int i) => "c" + i;
}
