using System.Text.Json;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Places;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Infrastructure.Import;

public sealed record ImportBatchView(long Id, string Target, string TargetName, string FileName, string Format, string? Encoding, string? SourceSystem,
    ImportState State, string StateName, int TotalRows, int DoneRows, int Inserted, int Updated, int Unchanged, int Rejected, string? Error,
    string CreatedByName, DateTime CreatedAt, DateTime? FinishedAt)
{
    public static ImportBatchView Of(ImportBatch b) => new(b.Id, b.Target, b.TargetName, b.FileName, b.Format, b.Encoding, b.SourceSystem,
        b.State, NameOf(b.State), b.TotalRows, b.DoneRows, b.Inserted, b.Updated, b.Unchanged, b.Rejected, b.Error, b.CreatedByName, b.CreatedAt, b.FinishedAt);

    public static string NameOf(ImportState s) => s switch
    {
        ImportState.Queued => "排队中", ImportState.Running => "导入中", ImportState.Done => "已完成", _ => "已中断",
    };
}

// The first step of every import: the upload is stored, recognised (XLSX or CSV, UTF-8 or GB18030),
// its header checked against the target's columns (every missing required column named at once) and
// its rows counted; then the batch is queued. Nothing is written to the target before this succeeds.
public sealed class ImportStaging(GridDbContext db, ImportFiles files, ImportJobs jobs, CurrentUser user, TimeProvider clock, IEnumerable<IImportTarget> targets)
{
    public IImportTarget? Target(string key) => targets.FirstOrDefault(t => t.Key == key);

    public IEnumerable<IImportTarget> Targets => targets;

    public async Task<Result<ImportBatchView>> StageAsync(string targetKey, string fileName, Stream content, string? sourceSystem, CancellationToken ct)
    {
        var target = Target(targetKey);
        if (target is null) return Result<ImportBatchView>.NotFound();
        var (temp, sha, error) = await files.ReceiveAsync(content, ct);
        if (temp is null) return Result<ImportBatchView>.Invalid("file", error!);
        var keep = false;
        try
        {
            var format = ImportFile.FormatOf(temp);
            var encoding = format == ImportFile.Csv ? ImportFile.DetectEncoding(temp) : null;
            int rows;
            try
            {
                var (header, all) = ImportFile.Open(temp, format, encoding, ImportColumns.Canonical(target.Columns));
                var missing = target.Columns.Where(c => c.Required && !header.Contains(c.Header)).Select(c => c.Header).ToList();
                if (missing.Count > 0)
                    return Result<ImportBatchView>.Invalid("file", $"缺少必填列：{string.Join("、", missing)}（文件第 1 行的表头为：{string.Join("、", header.Where(h => h.Length > 0).Take(30))}）。请下载模板核对列名。");
                rows = all.Count();
            }
            catch (Exception e) when (e is InvalidDataException or IOException or FormatException or InvalidOperationException or CsvHelper.CsvHelperException)
            {
                return Result<ImportBatchView>.Invalid("file", "无法读取该文件：请上传 Excel（.xlsx）或 CSV 文件");
            }
            if (rows == 0) return Result<ImportBatchView>.Invalid("file", "文件只有表头，没有数据行");
            var batch = new ImportBatch
            {
                Target = target.Key, TargetName = target.Name, FileName = Path.GetFileName(fileName), FileSha256 = sha!, Format = format, Encoding = encoding,
                SourceSystem = string.IsNullOrWhiteSpace(sourceSystem) ? null : ImportCleaning.Value(sourceSystem),
                State = ImportState.Queued, TotalRows = rows, GridCode = user.UnitCode > 0 ? OrgCode.Pad(user.UnitCode) : 0,
                CreatedById = user.UserId ?? 0, CreatedByName = user.UserName ?? "", CreatedByUnit = user.UnitCode,
                ScopeJson = JsonSerializer.Serialize(user.Scope), CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Add(batch);
            await db.SaveChangesAsync(ct);
            files.Keep(temp, batch);
            keep = true;
            jobs.Enqueue(batch.Id);
            return Result<ImportBatchView>.Created(ImportBatchView.Of(batch), $"/api/v1/registry/imports/{batch.Id}");
        }
        finally
        {
            if (!keep) files.Discard(temp);
        }
    }
}

public static class ImportColumns
{
    // Header text → the column's own header, through its aliases; others stay as they are. Both sides
    // cleaned alike (a file's 走访周期（天） arrives as 走访周期(天) after the full-width fold).
    public static Func<string, string> Canonical(IReadOnlyList<ImportColumn> columns)
    {
        var map = new Dictionary<string, string>();
        foreach (var c in columns)
        {
            map[c.Header] = c.Header;
            map.TryAdd(ImportCleaning.Value(c.Header), c.Header);
            foreach (var a in c.Aliases)
            {
                map.TryAdd(a, c.Header);
                map.TryAdd(ImportCleaning.Value(a), c.Header);
            }
        }
        return h => map.TryGetValue(h.Replace("*", "").Trim(), out var own) ? own : map.GetValueOrDefault(ImportCleaning.Value(h.Replace("*", "")), h);
    }
}
